// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string_view>

#include "domain/error.h"
#include "store/database.h"

namespace carecoord::store {

// Opens a pool of libpq connections to `url` ("postgresql://..." or "postgres://...", any
// libpq URI parameters allowed, e.g. options=-csearch_path%3Dmy_schema). Each connection sets
// client_min_messages=warning, sends parameters as text and converts results by column type:
// int2/int4/int8/oid -> int64, bool -> int64 0/1, float4/float8/numeric -> double, NULL ->
// nullptr, anything else -> text. A connection found broken (server restart, network) is
// closed when returned and replaced on demand; the call that found it fails with
// kUnavailable.
//
// kInvalidArgument for a malformed URL; kUnavailable when the server cannot be reached.
Result<std::unique_ptr<Database>> OpenPostgresDatabase(std::string_view url,
                                                       const DatabaseOptions& options);

}  // namespace carecoord::store
