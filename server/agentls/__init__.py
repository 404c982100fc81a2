"""agentls: a language server and CLI for agent definition files and Python architecture."""

__version__ = "0.1.0"
