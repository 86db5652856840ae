// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string_view>

#include "domain/error.h"
#include "store/database.h"

namespace carecoord::store {

// Opens the SQLite database file at `path` (relative to the working directory unless absolute),
// creating it and its parent directory if missing. Every pooled connection runs in WAL mode
// with foreign_keys=ON, synchronous=FULL (a commit is durable when it returns) and a 5 s busy
// timeout.
//
// SQLite allows one writer at a time. Writers from this process queue, first come first
// served, for an in-process write lock (taken by Begin and by a writing statement outside a
// transaction) and wait up to 5 s for it; writers in other processes are waited for by
// SQLite's busy handler, also up to 5 s. Either timeout is kUnavailable. A thread holding a
// transaction on one connection must therefore not write on a second connection of the same
// database: it would wait for itself.
//
// kInvalidArgument for an empty path or ":memory:" (each pooled connection would see its own
// database); kUnavailable when the file or directory cannot be created or opened.
Result<std::unique_ptr<Database>> OpenSqliteDatabase(std::string_view path,
                                                     const DatabaseOptions& options);

}  // namespace carecoord::store
