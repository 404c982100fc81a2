"""One typed configuration: ``Config`` with the sections core, patterns, expert and index,
read from the project's ``pyproject.toml [tool.agentls]`` / ``.agentls.toml`` and the editor's
``agentls`` settings. Every setting is declared in ``schema.OPTIONS``; the docs table and VS
Code's settings are generated from it (``python -m agentls.config.docgen``)."""

from agentls.config.files import ConfigError, find_config
from agentls.config.model import Config, build, load, load_file

__all__ = ["Config", "ConfigError", "build", "find_config", "load", "load_file"]
