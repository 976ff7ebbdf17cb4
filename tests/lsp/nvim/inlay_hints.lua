-- Inlay hints in Neovim 0.7 (which does not show them: the request is sent raw): each
-- goal's completion after its id line, the same figure `plan status` prints (after one
-- section's activities are marked done, so that the figures differ); every activity's id
-- line has one; the initialization option inlayHints=false turns them off.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

local function label(hint)
  if type(hint.label) == 'string' then
    return hint.label
  end
  local parts = {}
  for _, part in ipairs(hint.label or {}) do
    table.insert(parts, part.value)
  end
  return table.concat(parts)
end

-- The hints of a whole buffer, as line (0-based) -> label.
local function hints(client_id, buf)
  local n = vim.api.nvim_buf_line_count(buf)
  local result, err = H.client_request(client_id, buf, 'textDocument/inlayHint', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = n, character = 0 } },
  })
  H.check(not err, 'textDocument/inlayHint failed', err)
  local by_line = {}
  for _, h in ipairs(result or {}) do
    local text = H.line(buf, h.position.line)
    H.check(text and h.position.character <= select(2, vim.str_utfindex(text)), 'a hint inside its line', h)
    H.check(not by_line[h.position.line], 'one hint per line', h)
    by_line[h.position.line] = label(h)
  end
  return by_line
end

-- The 0-based lines of `- id:` items matching a pattern.
local function id_lines(buf, pattern)
  local found = {}
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local id = l:match('^%s*%- id: (%S+)$')
    if id and id:match(pattern) then
      found[i - 1] = id
    end
  end
  return found
end

H.run('inlay_hints', function()
  local id = H.start()
  local general = H.open(id, 'plan/activities/01-general.yaml')
  for i, l in ipairs(vim.api.nvim_buf_get_lines(general, 0, -1, false)) do
    if l:match('^%s+status: planned$') then
      H.set_line(general, i - 1, (l:gsub('planned$', 'done')))
    end
  end
  vim.cmd('silent write')
  local status = H.plan_cli('status --color never --lang en')

  -- 1. goals.yaml: one hint per goal, on its id line, with `plan status`'s figure.
  local goals = H.open(id, 'plan/goals.yaml')
  local got = hints(id, goals)
  local lines = id_lines(goals, '^G')
  H.eq(vim.tbl_count(got), vim.tbl_count(lines), 'the number of hints in goals.yaml (' .. vim.inspect(got) .. ')')
  local nonzero = 0
  for line, goal in pairs(lines) do
    local percent = status:match('\n%s+' .. goal .. '%s+(%d+)%%')
    H.check(percent, goal .. ' in `plan status`', status)
    H.check(got[line] and got[line]:find('%f[%d]' .. percent .. '%%'), goal .. "'s hint shows " .. percent .. '%', got[line])
    if percent ~= '0' then
      nonzero = nonzero + 1
    end
  end
  H.check(nonzero >= 2, 'goals with progress to show', status)

  -- 2. Every activity's id line in 01-general.yaml has a hint (all done: 100%).
  got = hints(id, general)
  for line, activity in pairs(id_lines(general, '%.')) do
    H.check(got[line] and got[line]:find('100%', 1, true), activity .. "'s hint", got[line])
  end

  -- 3. Off with the initialization option, for a second client on the same buffer.
  local off = H.start({ inlayHints = false })
  vim.lsp.buf_attach_client(goals, off)
  H.settle(off, goals)
  H.eq(hints(off, goals), {}, 'hints with inlayHints=false')
end)
