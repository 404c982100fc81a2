"""Facts about the tools agentls models — Claude Code's values, models and their prices — kept
once, and read by the rules, hover, completion and the expert alike. Data only: no I/O."""

# The Claude Code build the rules, the model aliases and the field table were observed on.
# Here, not in models.py, so that `agentls --version` can print it without importing a table.
CLAUDE_CODE_VERSION = "2.1.332"
