-- Symbols in Neovim: a file's outline (the section, its activities, the sub-activities
-- nested under theirs; the targets of targets.yaml) as the file's indentation nests them;
-- workspace symbols find an item by id and by a Hebrew word of its title, in files that
-- are not open too.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

-- The outline a file should have, from its `- id:` lines: "parent > child" pairs, by the
-- indentation, with "" for the top.
local function expected_tree(lines)
  local pairs_, stack = {}, {}
  for _, line in ipairs(lines) do
    local indent, id = line:match('^(%s*)%- id: (%S+)$')
    if id then
      while #stack > 0 and stack[#stack].indent >= #indent do
        table.remove(stack)
      end
      table.insert(pairs_, (#stack > 0 and stack[#stack].id or '') .. ' > ' .. id)
      table.insert(stack, { indent = #indent, id = id })
    end
  end
  table.sort(pairs_)
  return pairs_
end

-- The outline the server gave, each symbol named by the id on its line (so a name that is
-- a title, or "id title", both do); and a check that each symbol shows its id.
local function actual_tree(lines, symbols)
  local pairs_ = {}
  local function walk(list, parent)
    for _, s in ipairs(list or {}) do
      H.check(s.range and s.selectionRange, 'a hierarchical DocumentSymbol', s)
      local line = lines[s.selectionRange.start.line + 1] or ''
      local id = line:match('id: (%S+)$') or lines[s.range.start.line + 1]:match('id: (%S+)$')
      H.check(id, 'a symbol on an id line', s)
      H.check((s.name .. ' ' .. (s.detail or '')):find(id, 1, true), 'the symbol shows its id ' .. id, s)
      table.insert(pairs_, parent .. ' > ' .. id)
      walk(s.children, id)
    end
  end
  walk(symbols, '')
  table.sort(pairs_)
  return pairs_
end

local function workspace(buf, query)
  local result, err = H.request(buf, 'workspace/symbol', { query = query })
  H.check(not err and result, 'workspace/symbol answered ' .. query, err or result)
  local places = {}
  for _, s in ipairs(result) do
    if s.location and s.location.range then
      table.insert(places, vim.uri_to_fname(s.location.uri):sub(#H.ws + 2) .. ':' .. (s.location.range.start.line + 1))
    end
  end
  return places
end

H.run('symbols', function()
  local id = H.start()

  -- 1. Document symbols of a file with nested activities, and of targets.yaml.
  for _, rel in ipairs({ 'plan/activities/02-accompaniment.yaml', 'plan/targets.yaml' }) do
    local buf = H.open(id, rel)
    local result, err = H.request(buf, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
    H.check(not err and result and #result > 0, 'textDocument/documentSymbol answered for ' .. rel, err or result)
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local want = expected_tree(lines)
    H.check(#want >= 9, 'the ids of ' .. rel, want)
    H.eq(actual_tree(lines, result), want, 'the outline of ' .. rel)
  end

  -- 2. Workspace symbols: by id (an activity in a file that is not open) and by a Hebrew
  -- word of a title (T4's "מעוף").
  local buf = vim.api.nvim_get_current_buf()
  local acc = H.read_lines('plan/activities/03-alliance.yaml')
  local first = acc[H.find_line(acc, '^      %- id: ')+1]:match('id: (%S+)$')
  local where = 'plan/activities/03-alliance.yaml:' .. (H.find_line(acc, '^      %- id: ') + 1)
  H.check(vim.tbl_contains(workspace(buf, first), where), 'workspace/symbol ' .. first .. ' finds it at ' .. where, workspace(buf, first))
  local t4 = 'plan/targets.yaml:' .. (H.find_line(H.read_lines('plan/targets.yaml'), '^  %- id: T4$') + 1)
  H.check(vim.tbl_contains(workspace(buf, 'T4'), t4), 'workspace/symbol T4 finds it at ' .. t4, workspace(buf, 'T4'))
  H.check(vim.tbl_contains(workspace(buf, 'מעוף'), t4), 'workspace/symbol מעוף finds T4', workspace(buf, 'מעוף'))
end)
