// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to src/domain: the sentences the policy engine writes into obligations, so a person
// understands a window without reading the policy ("3 contacts due in the week of 16 Nov
// (schedule: 3 a week, safety); 1 logged: 17 Nov, phone."). Kept apart from the evaluation so
// wording changes do not touch the rules' logic.

#include <string>
#include <vector>

#include "domain/obligation_instances.h"
#include "domain/obligations.h"
#include "domain/policy.h"
#include "domain/program_calendar.h"

namespace carecoord {

// A contact as an event: "17 Nov, phone", or "17 Nov 14:00, phone" `with_time`.
std::string ContactWhat(const ProgramCalendar& calendar, const ContactFact& c, bool with_time);

// " with <provider>", or "" when the appointment names none.
std::string ProviderText(const AppointmentFact& a);

// The explanation of window `o` of `inst` (not excused: an excused window's explanation is its
// excuse), given the events counted toward it. An ended window says why and when it ended.
std::string Explain(const EpisodeView& episode, const PolicyRule& rule, const Instance& inst,
                    const Obligation& o, const std::vector<Event>& events);

}  // namespace carecoord
