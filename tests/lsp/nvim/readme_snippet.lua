-- The README's Neovim 0.7 snippet, read from the README and run as it is: opening a file of
-- the plan starts `plan lsp` (found on PATH) and attaches it; a second file shares the
-- client; a broken link typed into the buffer shows as an unknown-target diagnostic.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

-- The first ```lua block after the README's "### Neovim" heading.
local function snippet()
  local readme = table.concat(vim.fn.readfile(here .. '../../../README.md'), '\n')
  local section = readme:match('\n### Neovim\n(.*)')
  H.check(section, 'the README has a "### Neovim" section')
  local code = section:match('```lua\n(.-)\n```')
  H.check(code, 'the section has a lua code block')
  return code
end

local function clients(buf)
  local names = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(names, c.name .. '#' .. c.id)
  end
  return names
end

H.run('readme_snippet', function()
  H.check(vim.fn.executable('plan') == 1, 'plan is on PATH (run.sh puts the built one first)')
  local chunk, err = loadstring(snippet(), 'README.md')
  H.check(chunk, 'the snippet compiles', err)
  chunk()

  vim.cmd('edit plan/activities/01-general.yaml')
  local buf = vim.api.nvim_get_current_buf()
  H.eq(vim.bo[buf].filetype, 'yaml', 'the filetype Neovim detects')
  H.check(vim.wait(H.timeout, function()
    local c = vim.lsp.buf_get_clients(buf)
    local _, client = next(c)
    return client ~= nil and client.initialized == true
  end, 10), 'a client attached and initialized', clients(buf))
  H.eq(#clients(buf), 1, 'clients of the buffer (' .. table.concat(clients(buf), ', ') .. ')')
  local name = clients(buf)[1]
  H.check(name:match('^plan#'), 'the client is plan', name)

  vim.cmd('edit plan/targets.yaml')
  H.eq(clients(0), { name }, 'the second file shares the client')

  vim.cmd('buffer ' .. buf)
  local line = H.find_line(buf, '^        targets: %[T8%]$')
  H.set_line(buf, line, '        targets: [T88]')
  H.check(vim.wait(H.timeout, function()
    local d = vim.diagnostic.get(buf)
    return #d == 1 and d[1].code == 'unknown-target' and d[1].lnum == line
  end, 10), 'the unknown-target diagnostic shows', vim.diagnostic.get(buf))
end)
