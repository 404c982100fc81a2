"""What the pattern engine is tuned with: disabled ids, smells on or off, the architecture's
layers and the god-class thresholds. Data only: ``agentls.config`` reads them from
``[tool.agentls.patterns]`` and the editor (``config.patterns.engine``)."""

from __future__ import annotations

from dataclasses import dataclass

Layers = tuple[tuple[str, tuple[str, ...]], ...]

# Inner to outer. A module belongs to the first layer named among the first three components
# of its dotted name; importing a layer further out is a violation. The service layer may use
# adapters (it wires the concrete unit of work), but adapters must not call into services,
# and nothing inner may import entrypoints.
DEFAULT_LAYERS: Layers = (
    ("domain", ("domain", "model", "models", "entities", "core")),
    ("adapters", ("adapters", "adapter", "infrastructure", "infra", "repositories", "orm", "persistence")),
    ("service", ("service", "services", "service_layer", "application", "use_cases", "usecases")),
    ("entrypoints", ("entrypoints", "entrypoint", "api", "web", "cli", "views", "handlers_http", "ui")),
)


@dataclass(frozen=True)
class PatternSettings:
    disabled: frozenset[str] = frozenset()
    smells: bool = True
    layers: Layers = DEFAULT_LAYERS
    # Lanza & Marinescu thresholds (see docs/patterns/god_class.md for the Python adaptation).
    god_atfd: int = 5
    god_wmc: int = 47
    god_tcc: float = 1 / 3
