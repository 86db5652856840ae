// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace carecoord::server {

// Appends `text` to `out` as a JSON string literal, quotes included. Quotes, backslashes and
// control characters are escaped; bytes that are not well-formed UTF-8 become U+FFFD, so the
// result is valid JSON whatever bytes a client put into, say, a request path.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace carecoord::server
