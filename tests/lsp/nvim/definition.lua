-- Go to definition in Neovim: from a link to T8 in an activity to the line of targets.yaml
-- where T8 is defined (Neovim jumps there: the cursor lands on the id), and from a goal
-- link in targets.yaml to goals.yaml; find references lists T4's definition and every link
-- to it (in files that are not open too), not the comments that mention it.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

local function definition(buf, line, token)
  local result, err = H.request(buf, 'textDocument/definition', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = H.pos(buf, line, token, 1),
  })
  H.check(not err, 'textDocument/definition failed', err)
  local list = H.locations(result)
  H.eq(#list, 1, 'locations of the definition (' .. vim.inspect(result) .. ')')
  return list[1], result
end

H.run('definition', function()
  local id = H.start()
  local targets_lines = H.read_lines('plan/targets.yaml')
  local t8_line = H.find_line(targets_lines, '^  %- id: T8$')

  -- 1. From the link in 01-general.yaml to targets.yaml, T8's line.
  local buf = H.open(id, 'plan/activities/01-general.yaml')
  local link = H.find_line(buf, '^        targets: %[T8%]$')
  local loc, raw = definition(buf, link, 'T8')
  H.eq(loc.uri, H.uri('plan/targets.yaml'), 'the file T8 is defined in')
  H.eq(loc.range.start.line, t8_line, 'the line T8 is defined on')

  -- Neovim follows it: the cursor is on T8 in targets.yaml.
  vim.lsp.util.jump_to_location(raw[1] or raw, 'utf-16')
  H.eq(vim.api.nvim_buf_get_name(0), H.path('plan/targets.yaml'), 'the buffer Neovim jumped to')
  local cursor = vim.api.nvim_win_get_cursor(0)
  H.eq(cursor[1] - 1, t8_line, 'the cursor line after the jump')
  H.eq(vim.fn.expand('<cWORD>'), 'T8', 'the word under the cursor after the jump')

  -- 2. From a goal link (targets.yaml, a line after a comment) to goals.yaml. The buffer
  -- the jump opened is not attached to the client yet.
  local targets = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(targets, id)
  local goal_link = H.find_line(targets, '^    goals: %[G3, G6%]$')
  loc = definition(targets, goal_link, 'G6')
  H.eq(loc.uri, H.uri('plan/goals.yaml'), 'the file G6 is defined in')
  H.eq(loc.range.start.line, H.find_line(H.read_lines('plan/goals.yaml'), '^  %- id: G6$'), 'the line G6 is defined on')

  -- 3. References of T4 (from its definition): the definition and the three links, in
  -- three files; its mentions in comments are not references.
  local t4 = H.find_line(targets, '^  %- id: T4$')
  local result, err = H.request(targets, 'textDocument/references', {
    textDocument = { uri = vim.uri_from_bufnr(targets) },
    position = H.pos(targets, t4, 'T4', 1),
    context = { includeDeclaration = true },
  })
  H.check(not err, 'textDocument/references failed', err)
  local want = H.links('T4')
  H.check(#want >= 3, 'T4 is linked from several places', want)
  table.insert(want, 'plan/targets.yaml:' .. (t4 + 1))
  table.sort(want)
  H.eq(H.places(H.locations(result)), want, 'the references of T4')
end)
