-- SPDX-License-Identifier: Apache-2.0
-- wrk scenario: GET /api/v1/worklist, authenticated with the bearer token in $TOKEN.
--   TOKEN=<token from POST /api/v1/auth/login> wrk -t2 -c16 -d15s -s bench/obligations/worklist.lua http://127.0.0.1:8080
local token = os.getenv("TOKEN")
if token == nil or token == "" then
  io.stderr:write("worklist.lua: set TOKEN to a bearer token (from POST /api/v1/auth/login)\n")
  os.exit(2)
end

wrk.method = "GET"
wrk.path = "/api/v1/worklist"
wrk.headers["Authorization"] = "Bearer " .. token
