-- Headless Neovim (0.11, vim.lsp.enable) with editors/neovim and expert.auto = "onSave":
-- edit a function, :write, answer the first-send prompt, wait for the suggestion, read the
-- code lens above the function, run its Dismiss from the lens menu like a user, and write what
-- it saw to $OUT as JSON. Env: EDITOR_DIR, FILE, OUT, EXPERT_KEY (ANTHROPIC_BASE_URL: the fake).
local env = function(k) return os.getenv(k) end
local result = { events = {}, asked = {} }
local function write()
  local f = assert(io.open(env('OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end
local function finish(ok, msg)
  result.ok = ok
  if msg then table.insert(result.events, msg) end
  write()
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local ok, err = pcall(function()
  result.version = tostring(vim.version().major) .. '.' .. vim.version().minor
  vim.opt.runtimepath:prepend(env('EDITOR_DIR'))
  vim.cmd('filetype on')
  -- The user answers the first-send prompt with its first action ("Send").
  vim.lsp.handlers['window/showMessageRequest'] = function(_, params)
    table.insert(result.asked, params.message)
    return params.actions[1]
  end
  vim.lsp.config('agentls', { settings = { agentls = { expert = {
    apiKey = env('EXPERT_KEY'), auto = 'onSave', includeUserAgents = false, maxRetries = 0 } } } })
  vim.lsp.enable('agentls')
  vim.cmd('edit ' .. vim.fn.fnameescape(env('FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local attached = function()
    for _, c in ipairs(vim.lsp.get_clients({ bufnr = bufnr, name = 'agentls' })) do return c end
  end
  if not vim.wait(15000, function() return attached() ~= nil end, 50) then
    return finish(false, 'agentls did not attach')
  end
  local function on_save_diags()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if (d.source or ''):find('on save', 1, true) then table.insert(list, d.message) end
    end
    return list
  end
  -- the user edits f and saves
  vim.api.nvim_buf_set_lines(bufnr, 1, 2, false, { '    return a + b  # sum' })
  vim.cmd('write')
  if not vim.wait(30000, function() return #on_save_diags() > 0 end, 50) then
    return finish(false, 'no suggestion after the save')
  end
  result.diagnostics = on_save_diags()
  -- the code lens above f
  vim.lsp.codelens.refresh({ bufnr = bufnr })
  if not vim.wait(10000, function() return #vim.lsp.codelens.get(bufnr) > 0 end, 50) then
    return finish(false, 'no code lens')
  end
  result.lenses = {}
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    table.insert(result.lenses, { line = lens.range.start.line, title = lens.command and lens.command.title })
  end
  -- run Dismiss from the lens menu (several lenses on the line: vim.ui.select)
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.ui.select = function(items, opts, on_choice)
    result.menu = {}
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or (item.command and item.command.title) or tostring(item)
      table.insert(result.menu, title)
      if title:find('Dismiss', 1, true) then return on_choice(item, i) end
    end
    on_choice(nil, nil)
  end
  vim.lsp.codelens.run()
  if not vim.wait(15000, function() return #on_save_diags() == 0 end, 50) then
    return finish(false, 'Dismiss from the lens did not remove the suggestion')
  end
  result.after = on_save_diags()
  finish(true)
end)
if not ok then finish(false, 'error: ' .. tostring(err)) end
