// SPDX-License-Identifier: Apache-2.0
#include "store/org_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

// The columns of orgs.sql's `-- columns: org`.
OrgRecord OrgFromRow(const Row& r) {
  return OrgRecord{r.Text("org_id"), r.Text("name")};
}

}  // namespace

Status OrgRepository::InsertOrg(const std::string& org_id, const std::string& name, Instant now) {
  const Value params[] = {org_id, name, ToMillis(now)};
  auto n = conn_.Execute(sql::kOrgsInsertOrg, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<OrgRecord>> OrgRepository::FindOrgByName(const std::string& name) {
  const Value params[] = {name};
  auto rows = conn_.Query(sql::kOrgsFindOrgByName, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<OrgRecord>();
  return std::optional<OrgRecord>(OrgFromRow(rows->front()));
}

Result<std::vector<OrgRecord>> OrgRepository::ListOrgs() {
  auto rows = conn_.Query(sql::kOrgsListOrgs);
  if (!rows) return std::unexpected(rows.error());
  std::vector<OrgRecord> out;
  for (const Row& r : *rows) out.push_back(OrgFromRow(r));
  return out;
}

Status OrgRepository::InsertProgram(const std::string& org_id, const std::string& id,
                                    const std::string& name, const std::string& time_zone,
                                    Instant now) {
  const Value params[] = {org_id, id, name, time_zone, ToMillis(now)};
  auto n = conn_.Execute(sql::kOrgsInsertProgram, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace carecoord::store
