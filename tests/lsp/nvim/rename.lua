-- Rename in Neovim: prepareRename gives T4's token; a new id that is taken or invalid is
-- refused with a message; renaming T4 to MAOF is a WorkspaceEdit that changes the
-- definition and every link (in files that are not open too) and nothing else (comments
-- that mention T4 keep it). Neovim applies it, saves, and the plan is clean again, for the
-- server and for `plan check`.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

-- A WorkspaceEdit's text edits by URI, whichever of its two shapes the server chose.
local function edits_of(edit)
  local by_uri = {}
  for uri, list in pairs(edit.changes or {}) do
    by_uri[uri] = list
  end
  for _, change in ipairs(edit.documentChanges or {}) do
    H.check(change.textDocument and change.edits, 'only text edits, no file operations', change)
    by_uri[change.textDocument.uri] = change.edits
  end
  return by_uri
end

H.run('rename', function()
  local id = H.start()
  local buf = H.open(id, 'plan/activities/02-accompaniment.yaml')
  local link = H.find_line(buf, '^        targets: %[T2, T4%]$')
  local pos = H.pos(buf, link, 'T4', 1)
  local doc = { uri = vim.uri_from_bufnr(buf) }

  -- 1. prepareRename: the id's whole token.
  local prepared, err = H.request(buf, 'textDocument/prepareRename', { textDocument = doc, position = pos })
  H.check(not err and prepared, 'textDocument/prepareRename answered a range', err or prepared)
  H.eq(H.text_at(buf, prepared.range or prepared), 'T4', 'the text prepareRename covers')

  -- 2. Refused: an id that is taken (ignoring case), and one that is not an id.
  for _, bad in ipairs({ 't1', '4T', 'ת4' }) do
    local result, refusal = H.request(buf, 'textDocument/rename', { textDocument = doc, position = pos, newName = bad })
    H.check(refusal and type(refusal.message) == 'string' and refusal.message ~= '',
      'renaming T4 to ' .. bad .. ' is refused with a message', refusal or result)
  end

  -- 3. T4 -> MAOF.
  local files = H.plan_files()
  local before = {}
  for _, rel in ipairs(files) do
    before[rel] = H.read_lines(rel)
  end
  local want = H.links('T4')
  H.check(#want >= 3, 'T4 is linked from several places', want)
  table.insert(want, 'plan/targets.yaml:' .. (H.find_line(before['plan/targets.yaml'], '^  %- id: T4$') + 1))
  table.sort(want)

  local edit
  edit, err = H.request(buf, 'textDocument/rename', { textDocument = doc, position = pos, newName = 'MAOF' })
  H.check(not err and edit, 'textDocument/rename answered a WorkspaceEdit', err or edit)
  local places = {}
  for uri, list in pairs(edits_of(edit)) do
    local rel = vim.uri_to_fname(uri):sub(#H.ws + 2)
    for _, e in ipairs(list) do
      H.eq(e.newText, 'MAOF', 'the new text of an edit')
      H.eq(e.range.start.line, e.range['end'].line, 'an edit within one line')
      local text = before[rel][e.range.start.line + 1]
      local a = vim.str_byteindex(text, e.range.start.character, true)
      local b = vim.str_byteindex(text, e.range['end'].character, true)
      H.eq(text:sub(a + 1, b), 'T4', 'the text an edit replaces (' .. rel .. ':' .. (e.range.start.line + 1) .. ')')
      table.insert(places, rel .. ':' .. (e.range.start.line + 1))
    end
  end
  table.sort(places)
  H.eq(places, want, 'the places the rename edits')

  -- Neovim applies it (loading the files that are not open), the changed buffers are
  -- attached (so the server sees them) and saved.
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  for uri, _ in pairs(edits_of(edit)) do
    local b = vim.uri_to_bufnr(uri)
    vim.fn.bufload(b)
    vim.lsp.buf_attach_client(b, id)
  end
  vim.cmd('silent wall')
  H.settle(id, buf)
  H.eq(H.all_published(), {}, 'diagnostics after the rename')
  local check, code = H.plan_cli('check')
  H.eq(code, 0, '`plan check` after the rename (' .. check .. ')')

  -- On disk: exactly the edited lines changed, each by T4 -> MAOF alone; the comments
  -- that mention T4 still do.
  local changed, comments = {}, 0
  for _, rel in ipairs(files) do
    local after = H.read_lines(rel)
    H.eq(#after, #before[rel], 'the number of lines of ' .. rel)
    for i, old in ipairs(before[rel]) do
      if after[i] ~= old then
        H.eq(after[i], (old:gsub('%f[%w]T4%f[^%w]', 'MAOF')), rel .. ':' .. i)
        table.insert(changed, rel .. ':' .. i)
      elseif old:find('#.*%f[%w]T4%f[^%w]') then
        comments = comments + 1
      end
    end
  end
  table.sort(changed)
  H.eq(changed, want, 'the lines the rename changed on disk')
  H.check(comments >= 2, 'comments that mention T4 are left as they were', comments)
  H.eq(#H.links('MAOF'), #want - 1, 'links to MAOF')
  H.eq(H.links('T4'), {}, 'links to T4 left')
end)
