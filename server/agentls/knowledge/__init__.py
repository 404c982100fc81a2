"""Facts about the tools agentls models — Claude Code's values, models and their prices — kept
once, and read by the rules, hover, completion and the expert alike. Data only: no I/O."""
