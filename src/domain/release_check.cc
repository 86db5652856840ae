// SPDX-License-Identifier: Apache-2.0
#include "domain/release_check.h"

#include <algorithm>

#include "domain/person_match.h"

namespace carecoord {
namespace {

bool SameId(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return a && b && !a->empty() && *a == *b;
}

bool Lists(const Release& r, const std::string& category) {
  return std::ranges::find(r.categories, category) != r.categories.end();
}

std::string Label(const Release& r) {
  return "release to " + r.party_name + " (effective " + r.effective_date + ")";
}

// Why `r` (which lists `category`) was not in force on `date`.
std::string WhyNotValid(const Release& r, const std::string& date) {
  if (r.revoked_date && *r.revoked_date <= date) {
    return Label(r) + " was revoked on " + *r.revoked_date;
  }
  if (date < r.effective_date) return Label(r) + " is not effective until " + r.effective_date;
  return Label(r) + " expired on " + r.expiry_date;
}

// Of several releases that list the category but are not in force, the one whose reason helps
// most: a revocation (the participant's decision) first, then the latest expiry, then the
// soonest start.
int Rank(const Release& r, const std::string& date) {
  if (r.revoked_date && *r.revoked_date <= date) return 0;
  if (date > r.expiry_date) return 1;
  return 2;
}

}  // namespace

bool ReleaseNamesParty(const Release& release, const Disclosure& d) {
  if (SameId(release.related_person_id, d.related_person_id)) return true;
  if (SameId(release.care_team_member_id, d.care_team_member_id)) return true;
  const std::string name = NormalizePersonName(d.party_name);
  return !name.empty() && name == release.party_name_norm;
}

bool ReleaseValidOn(const Release& release, const std::string& date) {
  if (date < release.effective_date || date > release.expiry_date) return false;
  return !(release.revoked_date && *release.revoked_date <= date);
}

ReleaseDecision CheckRelease(const std::vector<Release>& releases, const Disclosure& d) {
  ReleaseDecision out;
  std::vector<const Release*> naming;
  for (const Release& r : releases) {
    if (ReleaseNamesParty(r, d)) naming.push_back(&r);
  }
  if (naming.empty()) {
    out.missing_categories = d.categories;
    out.why = "no release names this party";
    return out;
  }
  std::vector<const Release*> valid;
  for (const Release* r : naming) {
    if (ReleaseValidOn(*r, d.on)) valid.push_back(r);
  }
  for (const std::string& c : d.categories) {
    if (std::ranges::none_of(valid, [&](const Release* r) { return Lists(*r, c); })) {
      if (std::ranges::find(out.missing_categories, c) == out.missing_categories.end()) {
        out.missing_categories.push_back(c);
      }
    }
  }
  if (out.missing_categories.empty()) {
    if (!valid.empty()) {
      out.covered = true;
      return out;
    }
    // Nothing disclosed, but no release in force either: explain the closest one.
    const Release* best = naming.front();
    for (const Release* r : naming) {
      if (Rank(*r, d.on) < Rank(*best, d.on)) best = r;
    }
    out.why = WhyNotValid(*best, d.on);
    return out;
  }
  // Explain the first missing category: a release that lists it but is not in force, or else
  // one that is in force (or at least names the party) and does not list it.
  const std::string& first = out.missing_categories.front();
  const Release* best = nullptr;
  for (const Release* r : naming) {
    if (!Lists(*r, first)) continue;
    const int rank = Rank(*r, d.on);
    if (best == nullptr || rank < Rank(*best, d.on) ||
        (rank == Rank(*best, d.on) && (rank == 2 ? r->effective_date < best->effective_date
                                                 : r->expiry_date > best->expiry_date))) {
      best = r;
    }
  }
  if (best != nullptr) {
    out.why = WhyNotValid(*best, d.on);
    return out;
  }
  const Release* any = valid.empty() ? naming.front() : valid.front();
  out.why = Label(*any) + " does not cover " + first;
  return out;
}

}  // namespace carecoord
