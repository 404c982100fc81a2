"""Edits to an agent file that are not a rule's fix: the code actions the editor offers
beside the findings (convert a list's style, add the missing keys, disable a code here).

Pure: each takes the loaded ``AgentDocument`` and returns ``Fix`` objects (offsets into its
text), like the rules' fixes; the language server only converts them to LSP edits.
"""
