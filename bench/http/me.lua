-- SPDX-License-Identifier: Apache-2.0
-- wrk scenario: GET /api/v1/me with the bearer token from the TOKEN environment variable.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
