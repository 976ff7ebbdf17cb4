-- Completion in Neovim: inside an activity's `targets:` the target ids with their Hebrew
-- titles as detail, the ones already listed left out; inside a target's `goals:` the goal
-- ids; `status:` values; partners already used in the plan.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

-- id -> title of every item of a kind, read from the file on disk (`  - id: X` then its
-- `    title: ...`, quotes taken off).
local function titles(rel, prefix)
  local found, current = {}, nil
  for _, line in ipairs(H.read_lines(rel)) do
    local id = line:match('^  %- id: (' .. prefix .. '%d+)$')
    if id then
      current = id
    elseif current and line:match('^    title: ') then
      local t = line:match('^    title: (.*)$')
      if t:match("^'.*'$") then
        t = t:sub(2, -2):gsub("''", "'")
      elseif t:match('^".*"$') then
        t = t:sub(2, -2)
      end
      found[current] = t
      current = nil
    end
  end
  return found
end

-- The items of a completion answer (a list, or a CompletionList), by label.
local function items(result)
  H.check(result, 'a completion answer', result)
  local list = result.items or result
  local by_label = {}
  for _, item in ipairs(list) do
    by_label[item.label] = item
  end
  return by_label
end

local function complete(buf, line, token, offset)
  local pos = H.pos(buf, line, token, offset)
  local result, err = H.request(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = pos,
    context = { triggerKind = 1 },
  })
  H.check(not err, 'textDocument/completion failed', err)
  return items(result)
end

H.run('completion', function()
  local id = H.start()
  local target_titles = titles('plan/targets.yaml', 'T')
  local goal_titles = titles('plan/goals.yaml', 'G')
  H.check(vim.tbl_count(target_titles) >= 9 and vim.tbl_count(goal_titles) == 7, 'titles read from the plan', target_titles)

  -- 1. An activity's targets: [T8, |] offers every other target, each with its title.
  local buf = H.open(id, 'plan/activities/01-general.yaml')
  local line = H.find_line(buf, '^        targets: %[T8%]$')
  H.set_line(buf, line, '        targets: [T8, ]')
  local got = complete(buf, line, ']')
  for target, title in pairs(target_titles) do
    if target == 'T8' then
      H.check(not got[target], 'T8 is listed already and is not offered again', got[target])
    else
      H.check(got[target], 'target ' .. target .. ' is offered', vim.tbl_keys(got))
      H.eq(got[target].detail, title, 'the detail of ' .. target .. ' (its title)')
    end
  end
  H.check(not got.G1 and not got['general.2'], 'only targets are offered in targets:', vim.tbl_keys(got))
  H.set_line(buf, line, '        targets: [T8]')

  -- 2. A target's goals: [G2, G5, |] offers the other five goals.
  local targets = H.open(id, 'plan/targets.yaml')
  line = H.find_line(targets, '^    goals: %[G2, G5%]$')
  H.set_line(targets, line, '    goals: [G2, G5, ]')
  got = complete(targets, line, ']')
  for goal, title in pairs(goal_titles) do
    if goal == 'G2' or goal == 'G5' then
      H.check(not got[goal], goal .. ' is listed already and is not offered again', got[goal])
    else
      H.check(got[goal], 'goal ' .. goal .. ' is offered', vim.tbl_keys(got))
      H.eq(got[goal].detail, title, 'the detail of ' .. goal .. ' (its title)')
    end
  end
  H.check(not got.T1, 'only goals are offered in goals:', vim.tbl_keys(got))

  -- 3. Partners already used in the plan, in a new partners: [|] of another target.
  H.set_line(targets, line, '    goals: [G2, G5]')
  vim.api.nvim_buf_set_lines(targets, line + 1, line + 1, false, { '    partners: []' })
  got = complete(targets, line + 1, ']')
  for _, partner in ipairs({ 'אגף חברה', 'המחלקה הכלכלית של התנועה הקיבוצית' }) do
    H.check(got[partner], 'partner ' .. partner .. ' is offered', vim.tbl_keys(got))
  end
  vim.api.nvim_buf_set_lines(targets, line + 1, line + 2, false, {})

  -- 4. status: values.
  line = H.find_line(buf, '^        status: planned$')
  H.set_line(buf, line, '        status: ')
  got = complete(buf, line, 'status: ', #'status: ')
  for _, status in ipairs({ 'planned', 'in-progress', 'done', 'blocked', 'dropped' }) do
    H.check(got[status], 'status ' .. status .. ' is offered', vim.tbl_keys(got))
  end
end)
