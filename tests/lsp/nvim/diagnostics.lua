-- Diagnostics in Neovim: none on the shipped plan; a broken link typed into a buffer is an
-- `unknown-target` error over the whole token (UTF-16 columns on a line with Hebrew and a
-- character outside the BMP before it), and fixing it clears the list; a file that is not
-- open gets its diagnostics too; a duplicate id carries its note as relatedInformation.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local H = dofile(here .. 'harness.lua')

H.run('diagnostics', function()
  local id = H.start()
  local buf = H.open(id, 'plan/activities/01-general.yaml')
  H.settle(id, buf)

  -- 1. The shipped plan is clean: nothing published has an item, nothing shows in Neovim.
  H.eq(H.all_published(), {}, 'diagnostics on the shipped plan')
  H.eq(vim.diagnostic.get(), {}, "Neovim's diagnostics on the shipped plan")

  -- 2. A new activity, written as a flow mapping so that its Hebrew title (and a pin, two
  -- UTF-16 code units) stands before the broken link on the same line.
  local before = H.find_line(buf, '^      %- id: general%.2$')
  local typed = "      - {id: general.new, title: 'פעילות חדשה 📌 עם יעד', targets: [T8, T99], status: planned}"
  vim.api.nvim_buf_set_lines(buf, before, before, false, { typed })
  H.settle(id, buf)
  local shown, raw = H.diagnostics(buf)
  H.eq(#raw, 1, 'diagnostics published for the edited file (' .. vim.inspect(raw) .. ')')
  local d = raw[1]
  H.eq(d.code, 'unknown-target', 'the code')
  H.eq(d.severity, vim.lsp.protocol.DiagnosticSeverity.Error, 'the severity')
  H.check(d.message:find('T99', 1, true), 'the message names the link', d.message)
  H.check(d.codeDescription and type(d.codeDescription.href) == 'string'
    and d.codeDescription.href:find('#diagnostics', 1, true), 'codeDescription links the README table', d.codeDescription)
  local start, finish = H.pos(buf, before, 'T99')
  H.eq(d.range, { start = start, ['end'] = finish }, 'the range (UTF-16 columns, the whole token)')
  -- The line's bytes, code points and UTF-16 units all differ before the token: a server
  -- counting any other way would be caught above.
  local bytecol = typed:find('T99', 1, true) - 1
  H.check(start.character < bytecol, 'the line has multi-byte text before the token')
  H.check(start.character ~= vim.fn.strchars(typed:sub(1, bytecol)), 'the line has a character outside the BMP before the token')
  -- What Neovim made of it (byte columns) covers exactly the token.
  H.eq(#shown, 1, "Neovim's diagnostics for the buffer")
  H.eq(shown[1].lnum, before, "Neovim's line")
  H.eq(typed:sub(shown[1].col + 1, shown[1].end_col), 'T99', 'the text under Neovim\'s diagnostic')
  H.eq(vim.tbl_count(H.all_published()), 1, 'one problem in the whole plan')

  -- 3. The fix (typed over the token) clears the buffer's list.
  vim.api.nvim_buf_set_text(buf, before, bytecol, before, bytecol + 3, { 'T9' })
  H.settle(id, buf)
  shown, raw = H.diagnostics(buf)
  H.check(H.published[vim.uri_from_bufnr(buf)], 'an empty list is published for the fixed file')
  H.eq(raw, {}, 'published after the fix')
  H.eq(shown, {}, "Neovim's diagnostics after the fix")

  -- 4. A file that is not open: renaming T16 where it is defined breaks the links in
  -- 05-society.yaml, which the server publishes although no buffer holds it.
  local targets = H.open(id, 'plan/targets.yaml')
  local t16 = H.find_line(targets, '^  %- id: T16$')
  H.set_line(targets, t16, '  - id: T16b')
  H.settle(id, targets)
  local society = H.uri('plan/activities/05-society.yaml')
  local published = (H.published[society] or {}).diagnostics or {}
  H.check(#published >= 1, 'diagnostics published for 05-society.yaml, which is not open', H.all_published())
  for _, p in ipairs(published) do
    H.eq(p.code, 'unknown-target', 'the code in 05-society.yaml')
  end
  H.set_line(targets, t16, '  - id: T16')
  H.settle(id, targets)
  H.eq(H.all_published(), {}, 'diagnostics after T16 is back')

  -- 5. A duplicate id across files: its note is relatedInformation at the other place.
  local t8 = H.find_line(targets, '^  %- id: T8$')
  local g2 = H.find_line(buf, '^      %- id: general%.2$')
  H.set_line(buf, g2, '      - id: T8')
  H.settle(id, buf)
  local dup
  for _, uri in ipairs({ vim.uri_from_bufnr(buf), vim.uri_from_bufnr(targets) }) do
    for _, p in ipairs((H.published[uri] or {}).diagnostics or {}) do
      if p.code == 'duplicate-id' then
        dup = { uri = uri, d = p }
      end
    end
  end
  H.check(dup, 'a duplicate-id diagnostic', H.all_published())
  local related = dup.d.relatedInformation
  H.check(type(related) == 'table' and #related >= 1, 'the note as relatedInformation', dup.d)
  local places = {
    [vim.uri_from_bufnr(buf)] = g2,
    [vim.uri_from_bufnr(targets)] = t8,
  }
  local other = related[1].location
  H.check(other.uri ~= dup.uri and places[other.uri] == other.range.start.line,
    'relatedInformation points at the other T8', { diagnostic = dup, places = places })
  H.set_line(buf, g2, '      - id: general.2')
  H.settle(id, buf)
  H.eq(H.all_published(), {}, 'diagnostics once the id is unique again')
end)
