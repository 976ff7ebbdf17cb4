-- What every Neovim check shares: start `plan lsp` through Neovim's own client (0.7's
-- vim.lsp API), open files of the workspace copy, send requests, wait, assert, and exit
-- with a status CTest reads. run.sh sets the environment:
--   PLAN_BINARY     the built `plan`
--   PLAN_TEST_WORKSPACE  a temporary folder holding a copy of the shipped plan as plan/
--   PLAN_PENDING    set when the check waits for a feature another helper is building
-- Nothing here is specific to one feature; each <check>.lua calls H.run(name, fn).
local H = {}

H.plan = assert(os.getenv('PLAN_BINARY'), 'PLAN_BINARY is not set (run through run.sh)')
H.ws = assert(os.getenv('PLAN_TEST_WORKSPACE'), 'PLAN_TEST_WORKSPACE is not set (run through run.sh)')
H.timeout = 10000 -- ms: generous for a busy CI machine; a hang still ends the test

-- Raw publishDiagnostics params by URI, as the server sent them (UTF-16 columns), next to
-- what Neovim made of them (vim.diagnostic.get: byte columns).
H.published = {}

local function out(s)
  io.stdout:write(s .. '\n')
end
H.say = out

-- Fails the check with a message (and the value, when given).
function H.fail(msg, value)
  if value ~= nil then
    msg = msg .. '\n  got: ' .. vim.inspect(value)
  end
  error(msg, 2)
end

function H.check(cond, msg, value)
  if not cond then
    if value ~= nil then
      msg = msg .. '\n  got: ' .. vim.inspect(value)
    end
    error(msg, 2)
  end
  return cond
end

function H.eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(string.format('%s: want %s, got %s', what, vim.inspect(want), vim.inspect(got)), 2)
  end
end

function H.path(rel)
  return H.ws .. '/' .. rel
end

function H.uri(rel)
  return vim.uri_from_fname(H.path(rel))
end

-- The file's lines as on disk now.
function H.read_lines(rel)
  return vim.fn.readfile(H.path(rel))
end

-- Every *.yaml file of the workspace's plan, relative to the workspace, sorted.
function H.plan_files()
  local files = {}
  for _, f in ipairs(vim.fn.globpath(H.ws, 'plan/**/*.yaml', false, true)) do
    table.insert(files, f:sub(#H.ws + 2))
  end
  table.sort(files)
  return files
end

-- Every place the plan's files on disk link to an id in a flow list (`targets: [...]`,
-- `goals: [...]`, the only form the shipped plan uses), as "file:line" (1-based), sorted.
-- Comments that mention the id are not links.
function H.links(id)
  local found = {}
  for _, rel in ipairs(H.plan_files()) do
    for i, line in ipairs(H.read_lines(rel)) do
      local list = line:match('^%s*targets: %[(.*)%]%s*$') or line:match('^%s*goals: %[(.*)%]%s*$')
      for item in (list or ''):gmatch('[^,%s]+') do
        if item == id then
          table.insert(found, rel .. ':' .. i)
        end
      end
    end
  end
  table.sort(found)
  return found
end

-- A list of {uri, range} as "file:line" (1-based), sorted.
function H.places(list)
  local places = {}
  for _, l in ipairs(list) do
    table.insert(places, vim.uri_to_fname(l.uri):sub(#H.ws + 2) .. ':' .. (l.range.start.line + 1))
  end
  table.sort(places)
  return places
end

-- Starts a client of `plan lsp` for the workspace; returns its id once initialized.
function H.start(init_options)
  local handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri then
        H.published[result.uri] = result
      end
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
  }
  local id = vim.lsp.start_client({
    name = 'plan',
    cmd = { H.plan, 'lsp' },
    root_dir = H.ws,
    workspace_folders = { { uri = vim.uri_from_fname(H.ws), name = 'workspace' } },
    init_options = init_options,
    handlers = handlers,
    flags = { debounce_text_changes = 20 },
  })
  H.check(id, 'vim.lsp.start_client did not start `plan lsp`')
  local ok = vim.wait(H.timeout, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized == true
  end, 10)
  H.check(ok, '`plan lsp` did not answer initialize within ' .. H.timeout .. ' ms')
  return id
end

-- Opens a file of the workspace in a buffer attached to the client (didOpen).
function H.open(client_id, rel)
  vim.cmd('edit ' .. vim.fn.fnameescape(H.path(rel)))
  local buf = vim.api.nvim_get_current_buf()
  -- 0.7 answers nil when the client is attached already, false when it cannot attach.
  H.check(vim.lsp.buf_attach_client(buf, client_id) ~= false, 'buf_attach_client failed for ' .. rel)
  return buf
end

-- Waits until the server has handled everything sent so far, publications included: the
-- server answers a batch's requests before it publishes that batch's diagnostics, so the
-- answer to a second request, sent after the first came back, follows them. The request is
-- one no server has (MethodNotFound), so it depends on no feature.
function H.settle(client_id, buf)
  local client = vim.lsp.get_client_by_id(client_id)
  for _ = 1, 2 do
    local reply = client.request_sync('plan/barrier', {}, H.timeout, buf)
    H.check(reply, 'the server did not answer within ' .. H.timeout .. ' ms')
  end
end

-- A request through the editor's path (buf_request_sync: pending changes are sent first).
-- Returns the result and the error object, if any.
function H.request(buf, method, params)
  local replies, err = vim.lsp.buf_request_sync(buf, method, params, H.timeout)
  H.check(replies, method .. ': no answer (' .. tostring(err) .. ')')
  local _, reply = next(replies)
  H.check(reply, method .. ': no client answered')
  return reply.result, reply.error
end

-- A request to one client, when a buffer has several.
function H.client_request(client_id, buf, method, params)
  local client = vim.lsp.get_client_by_id(client_id)
  local reply, err = client.request_sync(method, params, H.timeout, buf)
  H.check(reply, method .. ': no answer (' .. tostring(err) .. ')')
  return reply.result, reply.err
end

-- Replaces the text of one line of a buffer (an edit as typing makes it: didChange).
function H.set_line(buf, line, text)
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { text })
end

function H.line(buf, line)
  return vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
end

-- The 0-based index of the first line of a buffer (or list of lines) matching a Lua
-- pattern, from `from` (0-based) on.
function H.find_line(lines_or_buf, pattern, from)
  local lines = lines_or_buf
  if type(lines_or_buf) == 'number' then
    lines = vim.api.nvim_buf_get_lines(lines_or_buf, 0, -1, false)
  end
  for i = (from or 0) + 1, #lines do
    if lines[i]:find(pattern) then
      return i - 1
    end
  end
  H.fail('no line matches ' .. pattern)
end

-- The LSP position (UTF-16 columns, as Neovim 0.7 speaks) of the n-th occurrence of the
-- plain text `token` on a buffer's line, plus `offset` characters into it; and the end of
-- the token.
function H.pos(buf, line, token, offset, nth)
  local text = H.line(buf, line)
  local byte = 0
  for _ = 1, nth or 1 do
    byte = text:find(token, byte + 1, true)
    H.check(byte, string.format('%q not on line %d: %s', token, line, text))
  end
  -- str_utfindex answers in UTF-32 and UTF-16: the second is the protocol's.
  local _, start = vim.str_utfindex(text, byte - 1)
  local _, finish = vim.str_utfindex(text, byte - 1 + #token)
  return { line = line, character = start + (offset or 0) }, { line = line, character = finish }
end

-- The text a protocol range covers on a buffer's line (UTF-16 columns).
function H.text_at(buf, range)
  H.eq(range['end'].line, range.start.line, 'a one-line range')
  local text = H.line(buf, range.start.line)
  local a = vim.str_byteindex(text, range.start.character, true)
  local b = vim.str_byteindex(text, range['end'].character, true)
  return text:sub(a + 1, b)
end

-- A hover's text, whatever shape it came in.
function H.hover_text(result)
  if result == nil or result.contents == nil then
    return ''
  end
  return table.concat(vim.lsp.util.convert_input_to_markdown_lines(result.contents), '\n')
end

-- Location | Location[] | LocationLink[] as a list of {uri, range}.
function H.locations(result)
  if result == nil then
    return {}
  end
  if result.uri or result.targetUri then
    result = { result }
  end
  local list = {}
  for _, l in ipairs(result) do
    table.insert(list, { uri = l.uri or l.targetUri, range = l.targetSelectionRange or l.range })
  end
  return list
end

-- Every diagnostic Neovim holds for a buffer, and the server's raw list for it.
function H.diagnostics(buf)
  return vim.diagnostic.get(buf), (H.published[vim.uri_from_bufnr(buf)] or {}).diagnostics or {}
end

-- Every diagnostic of every file the server published (raw), as "file: code" lines.
function H.all_published()
  local all = {}
  for uri, p in pairs(H.published) do
    for _, d in ipairs(p.diagnostics) do
      table.insert(all, vim.uri_to_fname(uri):sub(#H.ws + 2) .. ':' .. (d.range.start.line + 1) .. ': ' .. tostring(d.code) .. ': ' .. d.message)
    end
  end
  table.sort(all)
  return all
end

-- `plan` run on the workspace's files as saved: output and exit status.
function H.plan_cli(args)
  local output = vim.fn.system('cd ' .. vim.fn.shellescape(H.ws) .. ' && ' .. vim.fn.shellescape(H.plan) .. ' ' .. args .. ' 2>&1')
  return output, vim.v.shell_error
end

-- Runs a check and exits Neovim: 0 when it passed, 1 when it failed, 77 (CTest: skipped)
-- when it failed while PLAN_PENDING names the feature it waits for.
function H.run(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  local pending = os.getenv('PLAN_PENDING')
  if ok then
    out('PASS ' .. name)
    if pending and pending ~= '' then
      out('NOTE ' .. name .. ' passes now: take it off the pending list in tests/CMakeLists.txt (' .. pending .. ')')
    end
    vim.cmd('qall!')
  elseif pending and pending ~= '' then
    out('PENDING ' .. name .. ': waits for ' .. pending .. '. It fails today with:\n' .. tostring(err))
    vim.cmd('cquit 77')
  else
    out('FAIL ' .. name .. ': ' .. tostring(err))
    local published = H.all_published()
    if #published > 0 then
      out('diagnostics published last:\n  ' .. table.concat(published, '\n  '))
    end
    vim.cmd('cquit 1')
  end
end

return H
