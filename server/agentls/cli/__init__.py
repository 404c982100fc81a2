"""The command line: thin wrappers around the engine and the server."""
