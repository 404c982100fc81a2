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
  -- Neovim 0.11 pulls diagnostics but does not handle workspace/diagnostic/refresh, which the
  -- server sends when the expert's suggestions arrive: declare it and re-pull the buffers.
  capabilities = { workspace = { diagnostics = { refreshSupport = true } } },
  handlers = {
    ['workspace/diagnostic/refresh'] = function(_, _, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      for bufnr in pairs(client and client.attached_buffers or {}) do
        client:request('textDocument/diagnostic',
          { textDocument = vim.lsp.util.make_text_document_params(bufnr) },
          vim.lsp.diagnostic.on_diagnostic, bufnr)
      end
      return vim.NIL
    end,
  },
}
