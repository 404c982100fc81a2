"""Ask the expert: send Python code to an agent and bring back reviewable suggestions.

Pure core: nothing here imports pygls or lsprotocol, and only ``backend`` imports
``anthropic`` (lazily), so the CLI and the tests can use every piece on its own.
"""
