"""Frontmatter: cutting the block, parsing it like Claude Code, and the loader model."""
