-- Hover in Neovim: on a goal id, where it is linked and where it is defined, its Hebrew
-- title and its completion as `plan status` computes it (after the activities of one
-- section are marked done, so that the figures are not all 0%); on a key, the schema's
-- description in the plan's language (Hebrew).
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

local function hover(buf, line, token)
  local result, err = H.request(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = H.pos(buf, line, token, 1),
  })
  H.check(not err, 'textDocument/hover failed', err)
  return H.hover_text(result)
end

local function contains(text, part, what)
  H.check(text:find(part, 1, true), what .. ': the hover has ' .. vim.inspect(part) .. '; it reads:\n' .. text)
end

H.run('hover', function()
  local id = H.start()

  -- Progress to show: every activity of 01-general.yaml done, in the buffer and on disk
  -- (so that `plan status` sees what the server sees).
  local general = H.open(id, 'plan/activities/01-general.yaml')
  local lines = vim.api.nvim_buf_get_lines(general, 0, -1, false)
  for i, l in ipairs(lines) do
    if l:match('^%s+status: planned$') then
      H.set_line(general, i - 1, (l:gsub('planned$', 'done')))
    end
  end
  vim.cmd('silent write')
  local status, code = H.plan_cli('status --color never --lang en')
  H.check(code == 0 or code == 1, '`plan status` ran', status)
  local percent = status:match('\n%s+G5%s+(%d+)%%')
  H.check(percent and percent ~= '0', "G5's completion in `plan status` is not 0%", status)
  local g5_title = H.read_lines('plan/goals.yaml')[H.find_line(H.read_lines('plan/goals.yaml'), '^  %- id: G5$') + 2]
    :match('^    title: (.*)$')
  H.check(g5_title and g5_title:find('[\128-\255]'), "G5's Hebrew title read from goals.yaml", g5_title)

  -- 1. On a link to G5 (targets.yaml), and where G5 is defined (goals.yaml).
  local targets = H.open(id, 'plan/targets.yaml')
  local link = H.find_line(targets, '^    goals: %[G2, G5%]$')
  local text = hover(targets, link, 'G5')
  contains(text, 'G5', 'on a link to G5')
  contains(text, g5_title, 'on a link to G5')
  contains(text, percent .. '%', 'on a link to G5 (its completion)')

  local goals = H.open(id, 'plan/goals.yaml')
  text = hover(goals, H.find_line(goals, '^  %- id: G5$'), 'G5')
  contains(text, g5_title, 'where G5 is defined')
  contains(text, percent .. '%', 'where G5 is defined (its completion)')

  -- 2. On a key: the schema's description of an activity's status, its Hebrew part.
  local schema = vim.fn.json_decode(table.concat(vim.fn.readfile(H.path('schema/plan.schema.json')), '\n'))
  local description = schema['$defs'].activity.properties.status.description
  local hebrew = description:match(' — (.*)$')
  H.check(hebrew, 'the schema describes status in Hebrew', description)
  text = hover(general, H.find_line(general, '^        status: done$'), 'status')
  contains(text, hebrew, 'on the key status')
end)
