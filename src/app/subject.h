// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace carecoord::app {

// The record a route's first path parameter names when it is one participant's. The api
// declares it per route (api/router.h) so that Services::AuthorizeRequest checks the caller's
// relationship with that participant before anything reads the request's body (issue 11).
enum class Subject {
  kNone,            // no participant's record: the role alone decides before the body
  kParticipant,     // /participants/{id}/...
  kEpisode,         // /episodes/{id}/...
  kRelatedPerson,   // /related-persons/{id}
  kCareTeamMember,  // /care-team-members/{id}
  kContact,         // /contacts/{id}/...
  kConsent,         // /consents/{id}/...
  kTransition,      // /transitions/{id}/...
  kAppointment,     // /appointments/{id}
};

}  // namespace carecoord::app
