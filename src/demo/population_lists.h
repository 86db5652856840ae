// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>

#include "demo/population_rng.h"

// The word lists the synthetic population draws from: names, places, organizations and the
// sentences of case notes. All fictional; phone numbers are in the 555-01xx range reserved for
// fiction and e-mail addresses use example.com/example.org. Internal to app/demo_population*.
namespace carecoord::demo::population {

using Words = std::span<const char* const>;

// A community the program serves: given and family names (UTF-8, with accents), the language
// a person of it may prefer (BCP 47), how often they do and how often they need an interpreter
// then (001 §9).
struct NameGroup {
  Words female, male, neutral, family;
  const char* language;
  double prefers_language;   // share preferring `language` over English
  double needs_interpreter;  // of those, the share needing an interpreter
  int weight;                // share of the population
};
std::span<const NameGroup> NameGroups();
const NameGroup& PickGroup(Rng& rng);

Words Nicknames();
Words Streets();
struct City {
  const char* name;
  const char* postal_prefix;  // the first three digits of its ZIP codes
};
std::span<const City> Cities();
Words AreaCodes();
Words ShelterAddresses();

Words ContactTimes();
Words CulturalConsiderations();
Words FamilyNotes();
Words ElementarySchools();
Words MiddleSchools();
Words HighSchools();

std::span<const Weighted> AdultPayers();
std::span<const Weighted> ChildPayers();

// Outside parties of care teams.
Words PrimaryCarePractices();
Words BehavioralHealthAgencies();
Words PsychiatryPractices();
Words CommunityAgencies();
Words ProviderCredentials();

// Referral sources by setting (the code lists of docs/participant-record.md).
struct SourceSetting {
  const char* code;
  int adult_weight;
  int child_weight;
  Words organizations;
  Words reasons;
  const char* contact_setting;  // where the warm hand-off happens (contact `setting`)
  int urgent_percent;           // urgent or emergent share
};
std::span<const SourceSetting> SourceSettings();
const SourceSetting& PickSource(Rng& rng, bool child);
Words ReferrerRoles();
Words DeclineReasons();
Words CloseReasons();
Words EarlyCloseReasons();

// Sentences of case notes, by situation.
Words HandoffNotes();
Words TransferNotes();
Words CoordinatorVisitNotes();
Words CoordinatorCheckInNotes();
Words PeerNotes();        // in person
Words PeerRemoteNotes();  // by phone, text or video
Words NurseNotes();
Words GuardianNotes();
Words OutsidePartyNotes();  // followed by the party's name
Words AssessmentNotes();
Words CarePlanningNotes();
Words TransitionNotes();
Words CrisisNotes();
Words NoAnswerNotes();
Words LeftMessageNotes();
Words TextNoReplyNotes();
Words NotFoundNotes();
Words LocateNotes();
Words RescheduledNotes();
Words RefusalNotes();
Words ClosingNotes();
Words AddendumTexts();
Words ConsentPurposes();
Words RevocationNotes();
Words RelatedPersonNotes();

}  // namespace carecoord::demo::population
