// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/router.h"

// Route handlers, one per route of the table in route_table.cc.
namespace carecoord::api {

// meta_routes.cc
Response HandleHealth(Call& call);
Response HandleOpenApi(Call& call);

// auth_routes.cc
Response HandleSignIn(Call& call);
Response HandleSignOut(Call& call);
Response HandleChangePassword(Call& call);
Response HandleMe(Call& call);

// user_routes.cc
Response HandleListPrograms(Call& call);
Response HandleListUsers(Call& call);
Response HandleGetUser(Call& call);
Response HandleCreateUser(Call& call);
Response HandleUpdateUser(Call& call);

// audit_routes.cc
Response HandleSearchAudit(Call& call);

// Participant record (docs/participant-record.md). Each area adds its declarations in its own
// block below.
// referral_routes.cc, participant_routes.cc (intake, participants, emergency access)
Response HandleListReferrals(Call& call);
Response HandleCreateReferral(Call& call);
Response HandleReferralDuplicates(Call& call);
Response HandleGetReferral(Call& call);
Response HandleAcceptReferral(Call& call);
Response HandleDeclineReferral(Call& call);
Response HandleRefuseReferral(Call& call);
Response HandleSearchParticipants(Call& call);
Response HandleGetParticipant(Call& call);
Response HandleUpdateParticipant(Call& call);
Response HandleAddRelatedPerson(Call& call);
Response HandleUpdateRelatedPerson(Call& call);
Response HandleRequestEmergencyAccess(Call& call);
Response HandleListEmergencyAccess(Call& call);

// episode_routes.cc, care_team_routes.cc (episodes, hand-offs, care team, staff)
Response HandleListParticipantEpisodes(Call& call);
Response HandleGetEpisode(Call& call);
Response HandleChangeEpisodeStatus(Call& call);
Response HandleTransferEpisode(Call& call);
Response HandleListCareTeam(Call& call);
Response HandleAddCareTeamMember(Call& call);
Response HandleUpdateCareTeamMember(Call& call);
Response HandleListStaff(Call& call);

// contact_routes.cc, consent_routes.cc (contacts, addenda, releases of information)
Response HandleListContacts(Call& call);
Response HandleLogContact(Call& call);
Response HandleEditContact(Call& call);
Response HandleSignContact(Call& call);
Response HandleAddContactAddendum(Call& call);
Response HandleListConsents(Call& call);
Response HandleRecordConsent(Call& call);
Response HandleRevokeConsent(Call& call);
Response HandleListExpiringConsents(Call& call);

// Policy, obligations, transitions and on call (docs/worklists.md "API").
// obligation_routes.cc
Response HandleWorklist(Call& call);
Response HandleEpisodeObligations(Call& call);
Response HandleProgramDashboard(Call& call);
Response HandleProgramCompliance(Call& call);
// policy_routes.cc
Response HandleGetPolicy(Call& call);
Response HandleReplacePolicy(Call& call);
Response HandleValidatePolicy(Call& call);
// transition_routes.cc
Response HandleListTransitions(Call& call);
Response HandleRecordTransition(Call& call);
Response HandleUpdateTransition(Call& call);
Response HandleRecordAppointment(Call& call);
Response HandleUpdateAppointment(Call& call);
// episode_routes.cc
Response HandleSetContactSchedule(Call& call);
// on_call_routes.cc
Response HandleOnCallNow(Call& call);
Response HandleOnCallRota(Call& call);
Response HandleAddOnCallShift(Call& call);
Response HandleRemoveOnCallShift(Call& call);

// Assessments, risk tiers and care plans (docs/assessments.md).
// assessment_routes.cc
Response HandleListInstruments(Call& call);
Response HandleGetInstrument(Call& call);
Response HandleListAssessments(Call& call);
Response HandleRecordAssessment(Call& call);
Response HandleGetAssessment(Call& call);
Response HandleGetRiskTier(Call& call);
Response HandleOverrideRiskTier(Call& call);
// care_plan_routes.cc
Response HandleListCarePlans(Call& call);
Response HandleCreateCarePlan(Call& call);
Response HandleGetCarePlan(Call& call);
Response HandleUpdateCarePlan(Call& call);
Response HandleListCarePlanVersions(Call& call);
Response HandleGetCarePlanVersion(Call& call);
Response HandleReviewCarePlan(Call& call);
Response HandleListGoalProgress(Call& call);
Response HandleRecordGoalProgress(Call& call);

// The name of the session cookie.
inline constexpr char kSessionCookie[] = "carecoord_session";

}  // namespace carecoord::api
