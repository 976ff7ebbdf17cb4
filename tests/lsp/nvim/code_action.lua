-- Code actions in Neovim: the "did you mean" of a misspelt key (unknown-key), and of
-- unknown-status, unknown-target and unknown-goal, as quick fixes; Neovim applies the fix
-- and the diagnostic is gone.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

local cases = {
  { file = 'plan/activities/01-general.yaml', line = '^        status: planned$', from = 'status', to = 'statos', code = 'unknown-key' },
  { file = 'plan/activities/03-alliance.yaml', line = '^        status: planned$', from = 'planned', to = 'planed', code = 'unknown-status' },
  { file = 'plan/activities/01-general.yaml', line = '^        targets: %[T8%]$', from = 'T8', to = 'T88', code = 'unknown-target' },
  { file = 'plan/targets.yaml', line = '^    goals: %[G1, G4%]$', from = 'G4', to = 'G44', code = 'unknown-goal' },
}

H.run('code_action', function()
  local id = H.start()
  for _, case in ipairs(cases) do
    local what = case.code .. ' (' .. case.to .. ')'
    local buf = H.open(id, case.file)
    local line = H.find_line(buf, case.line)
    local original = H.line(buf, line)
    local at = original:find(case.from, 1, true)
    vim.api.nvim_buf_set_text(buf, line, at - 1, line, at - 1 + #case.from, { case.to })
    H.settle(id, buf)
    local _, raw = H.diagnostics(buf)
    local d
    for _, p in ipairs(raw) do
      if p.code == case.code and p.range.start.line == line then
        d = p
      end
    end
    H.check(d, what .. ': the diagnostic', raw)
    H.eq(H.text_at(buf, d.range), case.to, what .. ': the text under the diagnostic')

    local actions, err = H.request(buf, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = d.range,
      context = { diagnostics = { d } },
    })
    H.check(not err and type(actions) == 'table' and #actions >= 1, what .. ': a code action', err or actions)
    local fix = actions[1]
    H.check(fix.edit, what .. ': the action carries its edit', fix)
    H.eq(fix.kind, 'quickfix', what .. ': the kind')
    H.check(fix.title:find(case.from, 1, true), what .. ': the title names the fix', fix.title)
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    H.eq(H.line(buf, line), original, what .. ': the line after the fix')
    H.settle(id, buf)
    H.eq(H.all_published(), {}, what .. ': diagnostics after the fix')
  end
end)
