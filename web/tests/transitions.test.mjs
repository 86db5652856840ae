// SPDX-License-Identifier: Apache-2.0
// Transitions of care on the chart (docs/worklists.md "Transitions"; 001 §6 §8): an admission,
// then its discharge with medication needed, starts the 7-day psychiatric linkage; field errors
// from the server show at their fields; the contact schedule on the episode tab.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoPageProblems, signIn, suiteBrowser } from './support.mjs';
import {
  admitParticipant,
  chartTab,
  errorOf,
  expectPage,
  isFocused,
  kDayMs,
  kHourMs,
  kTimeZone,
  localInput,
  uniqueFamilyName,
  worklistItem,
} from './worklist-support.mjs';

describe('transitions', () => {
  const browser = suiteBrowser({ timezoneId: kTimeZone });

  test('an admission and a discharge needing medication start the psychiatric linkage', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Tra');
    const person = await admitParticipant(page, {
      given: 'Morgan',
      family,
      receivedAgoMs: 6 * kHourMs,
    });
    await page.goto(`/participants/${person.participantId}/transitions`);
    await expectPage(page, person.name);
    assert.equal(await chartTab(page, 'Transitions').getAttribute('aria-selected'), 'true');
    await page.getByRole('status').filter({ hasText: 'No admissions or discharges' }).waitFor();

    // The button is reachable from the tab panel with the keyboard.
    await chartTab(page, 'Transitions').focus();
    await page.keyboard.press('Tab'); // the tab panel
    await page.keyboard.press('Tab');
    const record = page.getByRole('button', { name: 'Record a transition' });
    assert.equal(await isFocused(record), true);
    await page.keyboard.press('Enter');

    const form = page.getByRole('form', { name: 'Record a transition' });
    // Nothing typed: the form's own checks, focus on the first field at fault.
    await form.getByRole('button', { name: 'Record transition' }).click();
    const level = form.getByLabel('Level of care');
    assert.equal(await errorOf(page, level), 'Choose the level of care.');
    assert.equal(await isFocused(level), true);

    // A stay that ended before the referral was received: the server's refusal names the
    // field (an admission before the referral is fine — people are referred from a CSU).
    await level.selectOption({ label: 'Inpatient psychiatric' });
    await form.getByLabel('Facility').fill('North Ridge Hospital');
    const admitted = form.getByLabel('Admitted');
    const discharged = form.getByLabel('Discharged');
    await admitted.fill(localInput(Date.now() - 5 * kDayMs));
    await discharged.fill(localInput(Date.now() - 4 * kDayMs));
    await form.getByRole('button', { name: 'Record transition' }).click();
    await page.waitForFunction(
      () => document.querySelector('[aria-invalid="true"]') !== null,
    );
    assert.match(await errorOf(page, discharged), /\S/, 'the refusal is shown at Discharged');

    // The admission two hours ago, still there.
    await discharged.fill('');
    await admitted.fill(localInput(Date.now() - 2 * kHourMs));
    await form.getByRole('button', { name: 'Record transition' }).click();
    await page.getByRole('status').filter({ hasText: 'The admission to North Ridge Hospital was recorded.' }).waitFor();
    const card = page.getByRole('article', { name: 'Inpatient psychiatric · North Ridge Hospital' });
    await card.getByText('Still admitted').waitFor();

    // The discharge an hour ago, with medication needed (PATCH with If-Match).
    await card.getByRole('button', { name: 'Record discharge' }).click();
    const discharge = card.getByRole('form', { name: 'Record discharge' });
    await discharge.getByLabel('Discharged').fill(localInput(Date.now() - kHourMs));
    await discharge.getByRole('checkbox', { name: 'Medication needed after discharge' }).check();
    await discharge.getByRole('button', { name: 'Save discharge' }).click();
    await page.getByRole('status').filter({ hasText: 'The discharge from North Ridge Hospital was recorded.' }).waitFor();
    await card.getByText('Yes — psychiatric linkage within 7 days').waitFor();

    // The obligations now hold the psychiatric linkage and the follow-up, due.
    await chartTab(page, 'Obligations').click();
    const linkage = page
      .getByRole('tabpanel')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Psychiatric linkage/ }) });
    await linkage.waitFor();
    assert.match(await linkage.textContent(), /001 §6/);
    assert.match(await linkage.textContent(), /Due/);

    // …and on My day, where it leads to the transitions rather than the contact form.
    await page.goto('/');
    await expectPage(page, 'My day');
    const item = worklistItem(page, person.name, 'Psychiatric');
    await item.waitFor();
    await item.getByRole('link', { name: 'Open transitions' }).waitFor();
    assert.equal(await item.getByRole('button', { name: 'Log contact' }).count(), 0);

    // A kept appointment: the linkage is met.
    await item.getByRole('link', { name: 'Open transitions' }).click();
    await expectPage(page, person.name);
    await card.getByRole('button', { name: 'Record appointment' }).click();
    const appointment = card.getByRole('form', { name: 'Record psychiatric appointment' });
    await appointment.getByRole('radio', { name: 'None available' }).check();
    await appointment.getByRole('button', { name: 'Save appointment' }).click();
    assert.match(await errorOf(page, appointment.getByLabel('Note')), /managing entity/);
    await appointment.getByRole('radio', { name: 'Kept' }).check();
    await appointment.getByLabel('Appointment date and time').fill(localInput(Date.now() - 30 * 60_000));
    await appointment.getByLabel('Provider').fill('Dr. Ellis, Bay Clinic');
    await appointment.getByRole('button', { name: 'Save appointment' }).click();
    await page.getByRole('status').filter({ hasText: 'The appointment was recorded.' }).waitFor();
    await card.getByText('Dr. Ellis, Bay Clinic').waitFor();
    await chartTab(page, 'Obligations').click();
    await linkage.waitFor();
    assert.match(await linkage.textContent(), /Met/);
    assertNoPageProblems(problems);
  });

  test('the contact schedule is shown and edited on the episode tab', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Sch');
    const person = await admitParticipant(page, { given: 'Quinn', family });
    await page.goto(`/participants/${person.participantId}/episode`);
    await expectPage(page, person.name);
    const section = page.getByRole('region', { name: 'Contact schedule' });
    await section.getByText('Not set').waitFor();
    await section.getByRole('button', { name: 'Edit contact schedule' }).click();
    const form = section.getByRole('form', { name: 'Edit contact schedule' });
    const perWeek = form.getByLabel('Contacts per week');
    await perWeek.fill('99');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    assert.match(await errorOf(page, perWeek), /Enter a whole number from \d+ to \d+\./);
    await perWeek.fill('5');
    await form.getByLabel('Reason').selectOption('safety');
    await form.getByLabel('Note').fill('Recent crisis; daily check-ins were too much.');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByRole('status').filter({ hasText: 'The contact schedule was saved.' }).waitFor();
    await section.getByText('5 a week', { exact: true }).waitFor();
    await section.getByText('Safety', { exact: true }).waitFor();
    assertNoPageProblems(problems);
  });
});
