-- agentls for Neovim >= 0.11: copy this file to ~/.config/nvim/lsp/agentls.lua (or put
-- editors/neovim on 'runtimepath'), then call vim.lsp.enable('agentls') in your init.lua.
-- Override any field with vim.lsp.config('agentls', { ... }) before enabling.
--
-- Agent files are Markdown (.claude/agents/*.md, .github/agents/*.md, *.prompt.md, ...);
-- agentls checks only the paths it recognises and stays silent on other Markdown files.
-- Python files get design-pattern hovers and the "Ask the expert" code actions.
return {
  cmd = { 'agentls', 'serve' },
  filetypes = { 'markdown', 'python' },
  -- The first folder upwards holding one of these is the workspace root, where agentls reads
  -- pyproject.toml [tool.agentls] or .agentls.toml.
  root_markers = { '.agentls.toml', '.claude', '.github', '.opencode', '.cursor', 'pyproject.toml', '.git' },
  -- Answered to the server's workspace/configuration request (section "agentls"); every key
  -- is optional and overrides the project's TOML configuration. See editors/README.md.
  settings = {
    agentls = {},
  },
}
