-- SPDX-License-Identifier: Apache-2.0
-- What the contact and consent use cases read about an episode and the people a contact may
-- name (store/contact_repository.h ContactContextRepository). Read-only.

-- name: episode
SELECT e.participant_id, e.program_id, e.referral_received_at, e.status, p.time_zone
FROM episodes e JOIN programs p ON p.org_id = e.org_id AND p.id = e.program_id
WHERE e.org_id = $1 AND e.id = $2

-- The time zone of the program of the participant's most recent episode.
-- name: participant_time_zone
SELECT p.time_zone
FROM episodes e JOIN programs p ON p.org_id = e.org_id AND p.id = e.program_id
WHERE e.org_id = $1 AND e.participant_id = $2
ORDER BY e.started_at DESC, e.id DESC
LIMIT 1

-- name: related_person_name
SELECT name FROM related_persons WHERE org_id = $1 AND id = $2 AND participant_id = $3

-- name: care_team_member_name
SELECT CASE WHEN m.external_name <> '' THEN m.external_name
            ELSE COALESCE(u.display_name, '') END
FROM care_team_members m LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.user_id
WHERE m.org_id = $1 AND m.id = $2 AND m.participant_id = $3
