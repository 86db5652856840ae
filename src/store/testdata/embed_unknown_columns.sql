-- SPDX-License-Identifier: Apache-2.0
-- For StoreEmbedSqlRefusesAnUnknownColumnsBlock (src/store/CMakeLists.txt): a query using a
-- columns block that is declared only after it, so embedding must fail.

-- name: early
SELECT {columns:late} FROM t

-- columns: late
a, b
