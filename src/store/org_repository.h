// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

struct OrgRecord {
  std::string org_id;
  std::string name;
};

// Organizations and programs. Works on the caller's connection and transaction.
class OrgRepository {
 public:
  explicit OrgRepository(Connection& conn) : conn_(conn) {}

  Status InsertOrg(const std::string& org_id, const std::string& name, Instant now);
  Result<std::optional<OrgRecord>> FindOrgByName(const std::string& name);
  Result<std::vector<OrgRecord>> ListOrgs();
  Status InsertProgram(const std::string& org_id, const std::string& id, const std::string& name,
                       const std::string& time_zone, Instant now);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
