"""Which experts exist: Claude Code subagent files plus the bundled Python architect.

Discovery follows Claude Code's own order for a name clash: workspace (``.claude/agents/**``)
beats the user folder (``~/.claude/agents/**``), which beats the bundled default. The agent's
body is the system prompt; its ``model`` field picks the model through ``agentls.knowledge.models``.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from agentls.frontmatter.document import CLAUDE_SIZE_LIMIT, load_text
from agentls.knowledge import models

log = logging.getLogger(__name__)

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "data" / "experts"
DEFAULT_EXPERT = "python-architect"
DEFAULT_MODEL = models.DEFAULT_MODEL


@dataclass(frozen=True)
class Expert:
    name: str
    description: str
    system_prompt: str  # the agent's body
    model: str | None  # as written in the file
    origin: str  # "workspace" | "user" | "bundled"
    path: str | None = None

    @property
    def fingerprint(self) -> str:
        """Changes when the prompt or model changes, so cached answers go stale with it."""
        h = hashlib.sha256(f"{self.name}\0{self.model}\0{self.system_prompt}".encode())
        return h.hexdigest()[:16]


def resolve_model(raw: str | None, override: str | None = None) -> str:
    """Model id to send: the setting, else the agent's ``model`` as Claude Code resolves it."""
    return models.resolve(raw, override)


def load_expert(text: str, path: str | None, origin: str) -> Expert | None:
    """An expert from an agent file, or None when Claude Code would skip the file."""
    if len(text.encode("utf-8", errors="surrogatepass")) > CLAUDE_SIZE_LIMIT:
        return None
    doc = load_text(text, path, "claude-agent")
    name, description = doc.data.get("name"), doc.data.get("description")
    if not isinstance(name, str) or not name.strip() or not isinstance(description, str) or not description:
        return None
    model = doc.data.get("model")
    body = doc.cut.body.strip()
    if not body:
        return None  # an empty system prompt is no expert
    return Expert(name.strip(), description.strip(), body, model if isinstance(model, str) else None,
                  origin, path)


def _scan(folder: Path, origin: str) -> list[Expert]:
    if not folder.is_dir():
        return []
    found: list[Expert] = []
    # Sorted, so on a duplicate name the path that sorts last wins (what Claude Code does).
    for file in sorted(folder.rglob("*.md")):
        if not file.is_file():
            continue
        try:
            text = file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        expert = load_expert(text, str(file), origin)
        if expert is not None:
            found.append(expert)
    return found


def bundled() -> list[Expert]:
    return _scan(BUNDLED_DIR, "bundled")


def discover(workspace: str | Path | None, include_user: bool = True,
             home: str | Path | None = None) -> list[Expert]:
    """Every expert by name, highest precedence winning; the bundled default is always there."""
    by_name: dict[str, Expert] = {}
    layers: list[list[Expert]] = [bundled()]
    if include_user:
        home_dir = Path(home) if home else Path(os.environ.get("HOME") or Path.home())
        layers.append(_scan(home_dir / ".claude" / "agents", "user"))
    if workspace:
        layers.append(_scan(Path(workspace) / ".claude" / "agents", "workspace"))
    for layer in layers:  # lowest first, so later layers replace
        for expert in layer:
            by_name[expert.name] = expert
    return sorted(by_name.values(), key=lambda e: (e.origin != "workspace", e.origin != "user", e.name))


def choose(experts: list[Expert], name: str | None) -> Expert | None:
    """The named expert, else the bundled default, else the first one."""
    if name:
        for expert in experts:
            if expert.name == name:
                return expert
        return None
    for expert in experts:
        if expert.name == DEFAULT_EXPERT:
            return expert
    return experts[0] if experts else None
