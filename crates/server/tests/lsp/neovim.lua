-- Headless Neovim (0.7 or later, no plugins) with its built-in LSP client:
-- opens a copy of a fixture, waits for vim.diagnostic.get() to hold the codes
-- `invokecfg lint` reports, applies the quick fixes and checks the buffer
-- against what `invokecfg lint --fix` writes.
--
--   INVOKECFG_BIN=target/debug/invokecfg FIXTURE=path nvim --headless --clean -c "luafile neovim.lua"

local bin = os.getenv("INVOKECFG_BIN")
local fixture = os.getenv("FIXTURE")

local function fail(message)
  io.stderr:write("neovim.lua: FAIL: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function codes_of(list)
  local out = {}
  for _, c in ipairs(list) do
    table.insert(out, c)
  end
  table.sort(out)
  return table.concat(out, ",")
end

local dir = vim.fn.tempname()
vim.fn.mkdir(dir, "p")
local name = vim.fn.fnamemodify(fixture, ":t")
local file = dir .. "/" .. name
local expected_file = dir .. "/expected-" .. name
vim.fn.writefile(vim.fn.readfile(fixture, "b"), file, "b")
vim.fn.writefile(vim.fn.readfile(fixture, "b"), expected_file, "b")

-- What the command line says about the same text.
local report = vim.fn.json_decode(vim.fn.system({ bin, "lint", "--format", "json", "--exit-zero", file }))
local expected = {}
for _, f in ipairs(report.findings) do
  table.insert(expected, f.code)
end
if #expected == 0 then
  fail(fixture .. ": lint reports nothing; pick a fixture with findings")
end
vim.fn.system({ bin, "lint", "--fix", "--exit-zero", expected_file })
local fixed = vim.fn.readfile(expected_file)

vim.cmd("edit " .. file)
local client_id = vim.lsp.start_client({ name = "invokecfg", cmd = { bin, "server" }, root_dir = dir })
if not client_id then
  fail("the server did not start")
end
vim.lsp.buf_attach_client(0, client_id)

local function diagnostic_codes()
  local got = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(got, tostring(code))
  end
  return codes_of(got)
end

if not vim.wait(20000, function() return diagnostic_codes() == codes_of(expected) end, 50) then
  fail("diagnostics " .. diagnostic_codes() .. ", expected " .. codes_of(expected))
end

-- The quick fixes, applied one after the other as a user would.
local client = vim.lsp.get_client_by_id(client_id)
for _ = 1, #expected do
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = vim.api.nvim_buf_line_count(0), character = 0 } },
    context = { diagnostics = {}, only = { "quickfix" } },
  }
  local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
  local action
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      action = action or a
    end
  end
  if not action then
    break
  end
  if not action.isPreferred then
    fail("a quick fix that is not preferred: " .. action.title)
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  -- The edit is a change notification: wait for the diagnostics of the new text.
  vim.wait(200)
end

local buffer = vim.api.nvim_buf_get_lines(0, 0, -1, false)
if table.concat(buffer, "\n") ~= table.concat(fixed, "\n") then
  fail("buffer after the quick fixes:\n" .. table.concat(buffer, "\n") .. "\nlint --fix wrote:\n" .. table.concat(fixed, "\n"))
end
io.stderr:write("neovim.lua: ok: " .. name .. " diagnostics " .. codes_of(expected) .. ", quick fixes applied\n")
vim.lsp.stop_client(client_id)
vim.cmd("qall!")
