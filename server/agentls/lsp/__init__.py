"""The language server: a thin layer that converts between the core and lsprotocol."""
