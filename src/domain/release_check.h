// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace carecoord {

// Releases of information (004: "Release of information must be signed by the member or their
// guardian prior to any outreach"; 001 §7 information sharing). Before a contact with an outside
// party (a natural support, a provider, an agency) is recorded, the participant must hold a
// release that names that party and covers what was shared on that date. Pure: the caller loads
// the participant's releases and passes the contact's date in the program's time zone.

// One release of the participant, as stored (store/consent_repository.h).
struct Release {
  std::string id;
  std::string party_name;       // as recorded, for explanations
  std::string party_name_norm;  // NormalizePersonName(party_name)
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::vector<std::string> categories;
  std::string effective_date;               // YYYY-MM-DD, first day it is valid
  std::string expiry_date;                  // YYYY-MM-DD, last day it is valid
  std::optional<std::string> revoked_date;  // not valid from this date on
};

// What a contact would disclose, to whom, on which date.
struct Disclosure {
  std::string party_name;  // may be empty when an id is given
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::vector<std::string> categories;
  std::string on;  // YYYY-MM-DD in the program's time zone
};

struct ReleaseDecision {
  bool covered = false;
  // The disclosed categories that no valid release naming the party covers (all of them when
  // no release names the party); empty when covered.
  std::vector<std::string> missing_categories;
  // When not covered, the most helpful one-line reason (docs/participant-record.md):
  // "no release names this party", "release to X (effective D) expired on D",
  // "... is not effective until D", "... was revoked on D", "... does not cover C".
  std::string why;
};

// True when the release names the disclosure's party: the same related person id, the same
// care team member id, or the same non-empty normalized name.
bool ReleaseNamesParty(const Release& release, const Disclosure& disclosure);

// True when the release is in force on `date`: effective_date <= date <= expiry_date (valid on
// its expiry date) and not revoked on or before `date` (a release revoked later was valid then).
bool ReleaseValidOn(const Release& release, const std::string& date);

// The rule: every disclosed category must be covered by some release that names the party and
// is valid on the date. One release need not cover all of them: two valid releases to the same
// party, each covering one of two categories, together cover both (each is a signed
// authorization for what it lists). A disclosure of no categories is covered when a valid
// release names the party (the contact itself reveals the participant is served).
ReleaseDecision CheckRelease(const std::vector<Release>& releases, const Disclosure& disclosure);

}  // namespace carecoord
