-- agentls for Neovim 0.7 to 0.10, which have no vim.lsp.config / vim.lsp.enable.
-- Put editors/neovim on 'runtimepath' and call require('agentls').setup({ ... }) in init.lua.
-- On Neovim >= 0.11 prefer lsp/agentls.lua with vim.lsp.enable('agentls').
local M = {}

M.defaults = {
  cmd = { 'agentls', 'serve' },
  filetypes = { 'markdown', 'python' },
  root_markers = { '.agentls.toml', '.claude', '.github', '.opencode', '.cursor', 'pyproject.toml', '.git' },
  settings = { agentls = {} },
}

local uv = vim.loop

-- Neovim 0.10 and 0.11 pull diagnostics but do not handle workspace/diagnostic/refresh, which
-- the server sends when the expert's suggestions arrive: declare it and re-pull the buffers.
-- (0.7 - 0.9 get pushed diagnostics and need nothing.)
local function refresh_support(opts)
  if not (vim.lsp.diagnostic and vim.lsp.diagnostic.on_diagnostic) then
    return opts.capabilities, opts.handlers
  end
  local capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(),
    { workspace = { diagnostics = { refreshSupport = true } } }, opts.capabilities or {})
  local handlers = vim.tbl_extend('keep', opts.handlers or {}, {
    ['workspace/diagnostic/refresh'] = function(_, _, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      for bufnr in pairs(client and client.attached_buffers or {}) do
        local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
        if vim.fn.has('nvim-0.11') == 1 then
          client:request('textDocument/diagnostic', params, vim.lsp.diagnostic.on_diagnostic, bufnr)
        else
          client.request('textDocument/diagnostic', params, vim.lsp.diagnostic.on_diagnostic, bufnr)
        end
      end
      return vim.NIL
    end,
  })
  return capabilities, handlers
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

-- The nearest folder upwards from `path` holding a marker; else the file's own folder.
function M.root_dir(path, markers)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local start = dir
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local clients = {} -- root_dir -> client id (Neovim 0.7 only)

local function config_for(root, opts)
  local settings = opts.settings or {}
  local capabilities, handlers = refresh_support(opts)
  return {
    name = 'agentls',
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = settings,
    -- Neovim before 0.11 neither answers workspace/configuration from `settings` reliably nor
    -- sends them by itself: hand them over at start-up and in didChangeConfiguration.
    init_options = opts.init_options or settings.agentls,
    on_init = function(client, result)
      if next(settings) then
        client.notify('workspace/didChangeConfiguration', { settings = settings })
      end
      if opts.on_init then
        return opts.on_init(client, result)
      end
    end,
    on_attach = opts.on_attach,
    capabilities = capabilities,
    handlers = handlers,
  }
end

local function attach(bufnr, opts)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' then
    return
  end
  local root = M.root_dir(name, opts.root_markers)
  if vim.lsp.start then -- 0.8+: starts or reuses the client for this root and attaches
    vim.lsp.start(config_for(root, opts), { bufnr = bufnr })
    return
  end
  local id = clients[root]
  if id and not vim.lsp.get_client_by_id(id) then
    id = nil
  end
  if not id then
    id = vim.lsp.start_client(config_for(root, opts))
    if not id then
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', M.defaults, user or {})
  local group = vim.api.nvim_create_augroup('agentls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      attach(args.buf, opts)
    end,
  })
  -- Buffers already open when setup() runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr, opts)
    end
  end
  return opts
end

return M
