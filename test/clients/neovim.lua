-- Canon Keeper in another editor's LSP client: headless Neovim 0.7.2 (Debian's `neovim`).
--
--   CANON_KEEPER_ROOT=<repo> CANON_KEEPER_SCRIPT=<file.fountain> CANON_KEEPER_OUT=<result.json> \
--     [CANON_KEEPER_WORKSPACE=<folder>] [CANON_KEEPER_SERVER=<server .js>] nvim --headless --clean -n -c 'luafile test/clients/neovim.lua'
--
-- Starts `node bin/canon-keeper-ls --stdio` with vim.lsp.start_client (0.7 has no vim.lsp.start),
-- opens the script, types a partial cue "NEV" on a new line at its end, and records what the server
-- sent: the diagnostics it published and the completion it offered there. Then types at the end of
-- a line and adds a line above the warnings, and records the warnings Neovim shows after each; then
-- saves a canon pack beside the script and deletes it, and records the warnings after each.
-- run-neovim.sh judges them.
-- Leaves with :qall! when the result is written, :cquit! 1 when something broke before that.

local root = assert(os.getenv('CANON_KEEPER_ROOT'), 'CANON_KEEPER_ROOT is not set')
local script = assert(os.getenv('CANON_KEEPER_SCRIPT'), 'CANON_KEEPER_SCRIPT is not set')
local out = assert(os.getenv('CANON_KEEPER_OUT'), 'CANON_KEEPER_OUT is not set')
local wait_ms = tonumber(os.getenv('CANON_KEEPER_WAIT_MS') or '20000')
-- The server's entry script; another build's may be named to try the harness itself.
local server = os.getenv('CANON_KEEPER_SERVER') or (root .. '/bin/canon-keeper-ls')

local result = { initialized = false, diagnostics = {}, completion = {}, messages = {}, errors = {}, publishes = 0 }
local client_id

local function write_result()
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

-- Stops the server by the client's own shutdown/exit, bounded, so no node process outlives the editor.
local function stop_server()
  if not client_id then return end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

-- Only what this test uses: document sync, completion, published diagnostics. A client that
-- advertised more (workspace/configuration, dynamic registration, ...) would make the server wait
-- on answers this harness never gives.
local capabilities = {
  textDocument = {
    synchronization = { dynamicRegistration = false, willSave = false, willSaveWaitUntil = false, didSave = false },
    completion = { dynamicRegistration = false, completionItem = { snippetSupport = false } },
    publishDiagnostics = { relatedInformation = false },
  },
}

local function run()
  local workspace = os.getenv('CANON_KEEPER_WORKSPACE') or vim.fn.fnamemodify(script, ':p:h')
  vim.cmd('edit ' .. vim.fn.fnameescape(script))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'fountain'
  -- A writer starts a new cue after the last line: a blank line, then the first letters of a name.
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '', 'NEV' })
  local cue_line = vim.api.nvim_buf_line_count(bufnr) - 1
  local uri = vim.uri_from_bufnr(bufnr)

  client_id = vim.lsp.start_client({
    name = 'canon-keeper',
    cmd = { 'node', server, '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'workspace' } },
    capabilities = capabilities,
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
    handlers = {
      -- Recorded, and handed on to Neovim's own handler, which shows them (vim.diagnostic).
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        result.diagnostics[params.uri] = params.diagnostics
        result.publishes = result.publishes + 1
        vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
      ['window/logMessage'] = function(_, params)
        table.insert(result.messages, params.message)
      end,
      ['window/showMessage'] = function(_, params)
        table.insert(result.messages, params.message)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned no client')
  vim.lsp.buf_attach_client(bufnr, client_id)

  vim.wait(wait_ms, function()
    local client = vim.lsp.get_client_by_id(client_id)
    result.initialized = client ~= nil and client.initialized == true
    return result.initialized or result.server_exit ~= nil
  end, 20)
  if result.server_exit then
    error('the server exited during initialize with code ' .. tostring(result.server_exit.code))
  elseif not result.initialized then
    error('the server did not finish initialize within ' .. wait_ms .. ' ms')
  end

  -- A canon finding, not just any diagnostic: its code names a rule of the canon checks.
  vim.wait(wait_ms, function()
    for _, diagnostic in ipairs(result.diagnostics[uri] or {}) do
      local code = tostring(diagnostic.code or '')
      if code:match('^continuity%.') or code:match('^names%.') then return true end
    end
    return false
  end, 20)

  local params = {
    textDocument = { uri = uri },
    position = { line = cue_line, character = 3 },
    context = { triggerKind = 1 },
  }
  -- The canon may still be loading when the first request arrives: ask again, within the bound.
  vim.wait(wait_ms, function()
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 5000) or {}
    local labels = {}
    for _, response in pairs(responses) do
      if response.err then table.insert(result.errors, vim.inspect(response.err)) end
      local items = response.result and (response.result.items or response.result) or {}
      for _, item in ipairs(items) do table.insert(labels, item.label) end
    end
    result.completion = labels
    for _, label in ipairs(labels) do
      if label:upper():find('^NEVEAH') then return true end
    end
    return false
  end, 200)
  result.uri = uri

  -- Lines (0-based) of the continuity warnings Neovim shows for the buffer.
  local function shown()
    local lines = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if tostring(d.code or ''):match('^continuity%.') then table.insert(lines, d.lnum) end
    end
    table.sort(lines)
    return lines
  end
  -- The server checks a version before it handles any later message: once a request sent after
  -- an edit is answered, whatever that edit's check published has arrived.
  local function settle()
    vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 0, character = 0 } }, 5000)
  end
  settle()
  result.shown_before = shown()
  local publishes = result.publishes
  -- Typing at the end of a line no warning is on: the server sends nothing, the warnings stay shown.
  local line = 'Cassie runs the solo one last time.'
  local at = vim.fn.index(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), line)
  vim.api.nvim_buf_set_text(bufnr, at, #line, at, #line, { ' Twice.' })
  settle()
  result.shown_after_typing = shown()
  result.sent_for_typing = result.publishes - publishes
  -- A new line above them all moves every warning down a line: the server sends the moved list.
  publishes = result.publishes
  vim.api.nvim_buf_set_lines(bufnr, at, at, false, { '' })
  vim.wait(wait_ms, function() return result.publishes > publishes end, 20)
  result.shown_after_new_line = shown()

  -- The writer saves a canon pack of their own beside the script, from another buffer: this Neovim
  -- tells the server of no file changes (it declares no watched files), so the server must see it on
  -- disk itself. The nearest pack governs the script: a canon without the show's coma, whose anchor
  -- names no event of it. Then the pack is deleted, and the workspace's pack governs again.
  local pack = vim.fn.fnamemodify(script, ':p:h') .. '/own.canon.yaml'
  local function wait_shown_change(from)
    vim.wait(wait_ms, function() return not vim.deep_equal(shown(), from) end, 20)
    return shown()
  end
  vim.cmd('split ' .. vim.fn.fnameescape(pack))
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'canon: 1', 'id: own', 'name: My own canon', 'characters:', '  - id: kai', '    name: Kai Moreau' })
  vim.cmd('write')
  vim.cmd('close')
  result.shown_after_pack_saved = wait_shown_change(result.shown_after_new_line)
  os.remove(pack)
  result.shown_after_pack_deleted = wait_shown_change(result.shown_after_pack_saved)
end

local ok, err = pcall(run)
if not ok then table.insert(result.errors, tostring(err)) end
local written = pcall(write_result)
stop_server()
if ok and written then vim.cmd('qall!') else vim.cmd('cquit! 1') end
