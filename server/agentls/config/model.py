"""``Config``: every setting, typed, in four sections, built from the project's file and the
editor's settings for one folder. The CLI builds one from the file; the language server one per
workspace folder (``lsp/configuration.py``), again whenever either source changes.

Layers, lowest first: the defaults, the project's ``[tool.agentls]`` / ``.agentls.toml`` (the
core and patterns sections only: a project file never chooses where code is sent nor a program
to run), the editor's ``agentls`` section. A key missing from a layer keeps the value below.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from agentls.config import core, expert, index, patterns
from agentls.config.expert import ExpertConfig
from agentls.config.files import ConfigError, find_config, read_table, where
from agentls.config.index import IndexSettings
from agentls.config.patterns import PatternsConfig
from agentls.config.schema import TRUST_KEY
from agentls.config.shape import subtable
from agentls.settings import Settings

log = logging.getLogger(__name__)

EDITOR = "agentls.patterns (editor settings)"


@dataclass(frozen=True)
class Config:
    core: Settings = field(default_factory=Settings)
    patterns: PatternsConfig = field(default_factory=PatternsConfig)
    expert: ExpertConfig = field(default_factory=ExpertConfig)
    index: IndexSettings = field(default_factory=IndexSettings)
    source: Path | None = None  # the project file read, if any
    # Bad core values, each naming its place: the CLI fails on the first, the server shows it.
    errors: tuple[str, ...] = ()

    @property
    def trusted(self) -> bool:
        return self.expert.trusted


def build(path: Path | None, editor: Mapping[str, Any] | None = None) -> Config:
    """The project file at ``path`` (None: none), then the editor's section on top."""
    errors: list[str] = []
    base_core = Settings(source=str(path) if path else None)
    engine = patterns.PatternsConfig().engine
    if path is not None:
        try:
            table = read_table(path)
        except ConfigError as exc:
            errors.append(str(exc))
            log.warning("cannot read the pattern settings: %s", exc)
            table = {}
        toml_core = {k: v for k, v in table.items() if k != "dialect"}  # the editor's only
        try:
            base_core = core.from_mapping(toml_core, base_core)
        except ConfigError as exc:
            errors.append(f"{path}: {exc}")
        found = table.get("patterns")
        if found is not None:
            engine = patterns.engine_from(found, engine, where(path, "patterns"))
    cfg = Config(core=base_core, patterns=PatternsConfig(engine=engine), source=path)
    return _with_editor(cfg, editor, errors) if editor else replace(cfg, errors=tuple(errors))


def _with_editor(cfg: Config, editor: Mapping[str, Any], errors: list[str]) -> Config:
    core_settings = cfg.core
    try:
        core_settings = core.from_mapping(editor, cfg.core)
    except ConfigError as exc:
        errors.append(str(exc))
    trusted = editor.get(TRUST_KEY) is not False
    return replace(
        cfg, core=core_settings,
        patterns=patterns.editor_from(subtable(editor, "patterns"), cfg.patterns, EDITOR),
        expert=expert.from_editor(subtable(editor, "expert"), trusted),
        index=index.from_editor(editor), errors=tuple(errors))


def load(start: Path) -> Config:
    """The CLI's configuration: the nearest project file at or above ``start``."""
    try:
        path = find_config(start.resolve())
    except OSError:
        path = None
    return build(path)


def load_file(path: Path) -> Config:
    """``--config FILE``: that file, ``[tool.agentls]`` of a ``pyproject.toml``."""
    return build(path)
