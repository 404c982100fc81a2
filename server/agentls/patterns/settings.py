"""Settings for the pattern engine (shared by CLI, language server and tests)."""

from __future__ import annotations

from dataclasses import dataclass

# Inner to outer. A module belongs to the first layer named among the first three components
# of its dotted name; importing a layer further out is a violation. The service layer may use
# adapters (it wires the concrete unit of work), but adapters must not call into services,
# and nothing inner may import entrypoints.
DEFAULT_LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("domain", ("domain", "model", "models", "entities", "core")),
    ("adapters", ("adapters", "adapter", "infrastructure", "infra", "repositories", "orm", "persistence")),
    ("service", ("service", "services", "service_layer", "application", "use_cases", "usecases")),
    ("entrypoints", ("entrypoints", "entrypoint", "api", "web", "cli", "views", "handlers_http", "ui")),
)


@dataclass(frozen=True)
class PatternSettings:
    disabled: frozenset[str] = frozenset()
    smells: bool = True
    layers: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_LAYERS
    # Lanza & Marinescu thresholds (see docs/patterns/god_class.md for the Python adaptation).
    god_atfd: int = 5
    god_wmc: int = 47
    god_tcc: float = 1 / 3
