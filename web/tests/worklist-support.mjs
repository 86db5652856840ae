// SPDX-License-Identifier: Apache-2.0
// Set-up shared by the participant record, worklist, obligations, transitions, dashboard,
// policy and on-call tests: participants made through the API, unique names, times in the demo
// program's zone, field errors, and small waits.
import assert from 'node:assert/strict';
import { callApiAsPage } from './support.mjs';

// The demo program's zone; the browser runs in it, whatever this machine's zone is.
export const kTimeZone = 'America/New_York';
export const kHourMs = 3_600_000;
export const kDayMs = 24 * kHourMs;

/** A family name no earlier run used, letters only (names are matched after folding). */
export function uniqueFamilyName(prefix) {
  const letters = Array.from({ length: 8 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('');
  return `${prefix}${letters}`;
}

export function isoInstant(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function zonedParts(ms) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: kTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type) => parts.find((p) => p.type === type).value;
  return part;
}

/** The datetime-local value for `ms` in the program's zone. */
export function localInput(ms) {
  const part = zonedParts(ms);
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** The calendar date (YYYY-MM-DD) of `ms` in the program's zone. */
export function localDate(ms) {
  return localInput(ms).slice(0, 10);
}

export async function expectStatus(response, status, what) {
  assert.equal(
    response.status,
    status,
    `${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
  );
  return response.body;
}

/**
 * Through the API, as the signed-in intake user (a coordinator): a referral received
 * `receivedAgoMs` ago, accepted with the signed-in user as accountable coordinator.
 * Returns { participantId, episodeId, name }.
 */
export async function admitParticipant(page, { given = 'Robin', family, receivedAgoMs = 3 * kHourMs }) {
  const me = await expectStatus(await callApiAsPage(page, 'GET', '/api/v1/me'), 200, 'me');
  const referral = await expectStatus(
    await callApiAsPage(page, 'POST', '/api/v1/referrals', {
      body: {
        urgency: 'routine',
        received_at: isoInstant(Date.now() - receivedAgoMs),
        reason: 'Set up by the worklist browser tests.',
        source: { setting: 'inpatient_psychiatric', organization: 'Test Hospital' },
        documents: [],
        person: { given_name: given, family_name: family, birth_date: '1990-04-12' },
      },
    }),
    201,
    'create referral',
  );
  const accepted = await expectStatus(
    await callApiAsPage(page, 'POST', `/api/v1/referrals/${referral.id}/accept`, {
      body: { coordinator_id: me.id },
      headers: { 'If-Match': `"${referral.version}"` },
    }),
    200,
    'accept referral',
  );
  return {
    participantId: accepted.participant_id,
    episodeId: accepted.episode_id,
    name: `${given} ${family}`,
  };
}

/** Waits for the page titled `name`; fails with the page's alert if one shows up instead. */
export async function expectPage(page, name) {
  const heading = page.getByRole('heading', { level: 1, name, exact: true });
  const alert = page.getByRole('main').getByRole('alert');
  await heading.or(alert).first().waitFor();
  if (!(await heading.isVisible())) {
    assert.fail(`expected the page "${name}"; the page says: ${await alert.first().textContent()}`);
  }
}

export function chartTab(page, name) {
  return page.getByRole('tablist', { name: 'Participant chart' }).getByRole('tab', { name });
}

export async function isFocused(locator) {
  return locator.evaluate((node) => node === document.activeElement);
}

/** The text of the error message tied to `field` (aria-describedby), after it is marked invalid. */
export async function errorOf(page, field) {
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  assert.ok(errorId, 'the field points at its error message');
  return (await page.locator(`[id="${errorId}"]`).textContent()).trim();
}

/** The worklist item (list item) of the participant `name` for the rule whose title starts `rule`. */
export function worklistItem(page, name, rule) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, exact: true }) })
    .filter({ has: page.locator('.worklist-rule-title').getByText(rule) });
}
