-- Headless Neovim driver for tests/editors/test_neovim.py. It loads agentls the way a user
-- does (editors/neovim on 'runtimepath', then vim.lsp.enable or require('agentls').setup),
-- acts like a user (open, code action menu, hover) and writes what it saw as JSON to $OUT.
-- Env: EDITOR_DIR, MODE (enable | setup), TASK (fix | hover | action), FILE, OUT,
--      LINE/COL (1-based line, 0-based byte column for hover / action), ACTION (title substring).
local env = function(k) return os.getenv(k) end
local out_path = env('OUT')
local result = { events = {} }

local function write()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end
local function note(msg) table.insert(result.events, msg); write() end
local function finish(ok, msg)
  result.ok = ok
  if msg and not ok then note(msg) end
  write()
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

local function diags(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
                         code = d.code, source = d.source, message = d.message })
  end
  return list
end

local function lines(bufnr) return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) end

local function float_text()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
    end
  end
end

-- Answer the code action menu (vim.ui.select) like a user choosing the title containing `want`.
local function pick_from_menu(want, key)
  vim.ui.select = function(items, _, on_choice)
    local titles = {}
    for _, item in ipairs(items) do
      local action = item.action or item[2] or item
      table.insert(titles, action.title or tostring(item))
    end
    result[key] = titles
    for i, title in ipairs(titles) do
      if title:find(want, 1, true) then return on_choice(items[i], i) end
    end
    on_choice(nil, nil)
  end
end

local ok, err = pcall(function()
  result.version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
  if env('LSP_DEBUG') then vim.lsp.set_log_level('debug') end
  vim.opt.runtimepath:prepend(env('EDITOR_DIR'))
  vim.cmd('filetype on')
  -- The user's settings: for the expert, the fake Anthropic server and a key.
  local user = {}
  if env('EXPERT_URL') then
    user.settings = { agentls = { expert = { baseUrl = env('EXPERT_URL'), apiKey = env('EXPERT_KEY') } } }
  end
  if env('MODE') == 'enable' then
    if user.settings then vim.lsp.config('agentls', user) end
    vim.lsp.enable('agentls')
  else
    require('agentls').setup(user)
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(env('FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  local attached = function()
    for _, c in ipairs(get_clients()) do
      if c.name == 'agentls' and (c.attached_buffers or {})[bufnr] then return c end
    end
  end
  if not vim.wait(15000, function() return attached() ~= nil end, 50) then
    return finish(false, 'agentls did not attach')
  end
  local client = attached()
  result.root_dir = client.config.root_dir
  note('attached')

  local task = env('TASK')
  if task == 'fix' then
    if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
      return finish(false, 'no diagnostics')
    end
    result.diagnostics = diags(bufnr)
    result.before = lines(bufnr)
    local d = vim.diagnostic.get(bufnr)[1]
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    -- The user picks the quick fix from the code action menu.
    pick_from_menu(env('ACTION'), 'menu')
    vim.lsp.buf.code_action()
    local before = table.concat(result.before, '\n')
    if not vim.wait(15000, function() return table.concat(lines(bufnr), '\n') ~= before end, 50) then
      return finish(false, 'the code action did not change the buffer')
    end
    result.after = lines(bufnr)
    -- wait for the server's verdict on the edited text
    vim.wait(5000, function()
      for _, x in ipairs(vim.diagnostic.get(bufnr)) do
        if x.code == d.code then return false end
      end
      return true
    end, 50)
    result.diagnostics_after = diags(bufnr)
    return finish(true)
  elseif task == 'hover' then
    vim.api.nvim_win_set_cursor(0, { tonumber(env('LINE')), tonumber(env('COL')) })
    vim.lsp.buf.hover()
    vim.wait(15000, function() return float_text() ~= nil end, 50)
    result.hover = float_text()
    return finish(result.hover ~= nil, result.hover and nil or 'no hover window')
  elseif task == 'expert' then
    local function expert_diags()
      local list = {}
      for _, d in ipairs(diags(bufnr)) do
        if (d.source or ''):find('agentls expert', 1, true) then table.insert(list, d) end
      end
      return list
    end
    -- "Ask <expert>: review this module" from the code action menu
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    pick_from_menu(env('ACTION'), 'menu')
    vim.lsp.buf.code_action()
    if not vim.wait(15000, function() return #expert_diags() > 0 end, 50) then
      return finish(false, 'no expert diagnostics')
    end
    result.diagnostics = expert_diags()
    result.before = lines(bufnr)
    -- then "Apply: <suggestion>" on the suggestion's line
    local d = result.diagnostics[1]
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    pick_from_menu('Apply:', 'apply_menu')
    vim.lsp.buf.code_action()
    local before = table.concat(result.before, '\n')
    if not vim.wait(15000, function() return table.concat(lines(bufnr), '\n') ~= before end, 50) then
      return finish(false, 'applying the suggestion did not change the buffer')
    end
    result.after = lines(bufnr)
    return finish(true)
  end
  finish(false, 'unknown TASK ' .. tostring(task))
end)
if not ok then finish(false, 'error: ' .. tostring(err)) end
