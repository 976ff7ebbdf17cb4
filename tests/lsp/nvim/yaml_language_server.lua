-- The initialization option yamlLanguageServer=true: what yaml-language-server reports from
-- the plan's schema (here an unknown key and a key of the wrong type) is left to it, while
-- what only the plan knows (a link to a target that does not exist) is still published.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

local function codes(buf)
  local _, raw = H.diagnostics(buf)
  local list = {}
  for _, d in ipairs(raw) do
    table.insert(list, d.code)
  end
  table.sort(list)
  return list
end

local function edit(buf)
  local status = H.find_line(buf, '^        status: planned$')
  H.set_line(buf, status, '        statos: planned')
  local link = H.find_line(buf, '^        targets: %[T9%]$')
  H.set_line(buf, link, '        targets: [T99]')
  local title = H.find_line(buf, '^        title: ', link)
  H.set_line(buf, title, '        title: [a, list]')
end

H.run('yaml_language_server', function()
  -- Without the option the server reports all three (the control) ...
  local alone = H.start()
  local buf = H.open(alone, 'plan/activities/01-general.yaml')
  edit(buf)
  H.settle(alone, buf)
  H.eq(codes(buf), { 'unknown-key', 'unknown-target', 'wrong-type' }, 'codes without the option')
  vim.lsp.stop_client(alone, true)
  vim.wait(H.timeout, function() return vim.lsp.get_client_by_id(alone) == nil end, 10)
  vim.cmd('bwipeout!')
  H.published = {}

  -- ... with it, only the link.
  local beside = H.start({ yamlLanguageServer = true })
  buf = H.open(beside, 'plan/activities/01-general.yaml')
  edit(buf)
  H.settle(beside, buf)
  H.eq(codes(buf), { 'unknown-target' }, 'codes with yamlLanguageServer=true')
end)
