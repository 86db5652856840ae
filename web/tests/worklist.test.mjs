// SPDX-License-Identifier: Apache-2.0
// My day (docs/worklists.md "Worklist"): a coordinator starts the day from their open
// obligations, each explaining itself, and logging the suggested contact clears the item. The
// chart's Obligations tab shows every window, filtered by status and as of a past date.
// Every test makes its own participants (unique names), so runs can repeat on one database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  callApiAsPage,
  kProgram,
  mainNav,
  signIn,
  suiteBrowser,
} from './support.mjs';
import {
  admitParticipant,
  chartTab,
  expectPage,
  expectStatus,
  isFocused,
  kDayMs,
  kTimeZone,
  localDate,
  uniqueFamilyName,
  worklistItem,
} from './worklist-support.mjs';

describe('my day', () => {
  const browser = suiteBrowser({ timezoneId: kTimeZone });

  test('a coordinator lands on My day; an item explains itself and Log contact clears it', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    await expectPage(page, 'My day');
    assert.equal(new URL(page.url()).pathname, '/');
    await mainNav(page).getByRole('link', { name: 'Participants', exact: true }).waitFor();

    // On call, on every page: who, or a warning that nobody is.
    const onCall = page.getByRole('banner').getByRole('region', { name: 'On call now' });
    await onCall.waitFor();
    assert.match(
      (await onCall.textContent()).replace(/\s+/g, ' '),
      new RegExp(`On call.*until|Nobody on call for ${kProgram}`),
    );

    // A referral received three hours ago: the warm hand-off is due within 24 h of it.
    const family = uniqueFamilyName('Day');
    const person = await admitParticipant(page, { given: 'Robin', family });
    await page.reload();
    await expectPage(page, 'My day');
    for (const section of ['Overdue', 'Due today', 'Due this week']) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${section} \\d+$`) }).waitFor();
    }
    const item = worklistItem(page, person.name, 'Warm hand-off');
    await item.waitFor();
    const text = (await item.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /001 §8/, 'the item cites the guidance');
    assert.match(text, /24 h|24 hours/, 'the explanation says what is due');
    assert.match(text, /due in \d+ (hours|minutes)/, 'the due time, relative');
    // The participant's name leads to the chart.
    assert.equal(
      await item.getByRole('link', { name: person.name }).getAttribute('href'),
      `/participants/${person.participantId}`,
    );

    // Log contact: the chart's contact form, prefilled with what would meet the rule.
    const logButton = item.getByRole('button', { name: 'Log contact' });
    await logButton.focus();
    await page.keyboard.press('Enter');
    await expectPage(page, person.name);
    assert.equal(new URL(page.url()).pathname, `/participants/${person.participantId}/contacts`);
    assert.equal(await chartTab(page, 'Contacts').getAttribute('aria-selected'), 'true');
    const form = page.getByRole('form', { name: 'Log contact' });
    assert.equal(await form.getByLabel('Mode').inputValue(), 'in_person');
    assert.equal(await form.getByLabel('With whom').inputValue(), 'participant');
    assert.equal(await form.getByRole('checkbox', { name: 'Warm hand-off' }).isChecked(), true);
    await form.getByRole('radio', { name: 'Successful contact' }).check();
    await form.getByLabel('Setting').selectOption({ label: 'Hospital' });
    await form.getByLabel('Outcome').selectOption({ label: 'Engaged' });
    await form.getByLabel('Note').fill('Met Robin at the hospital with the discharge nurse.');
    await form.getByRole('button', { name: 'Save contact' }).click();

    const saved = page.getByRole('status').filter({ hasText: 'The contact was saved.' });
    await saved.waitFor();
    await saved.getByRole('link', { name: 'Back to My day' }).click();
    await expectPage(page, 'My day');
    await page.getByRole('status').filter({ hasText: /due|Nothing due/ }).first().waitFor();
    await page.getByRole('heading', { level: 2, name: /^Overdue \d+$/ }).or(
      page.getByRole('heading', { level: 2, name: /^Nothing due/ }),
    ).first().waitFor();
    assert.equal(await worklistItem(page, person.name, 'Warm hand-off').count(), 0, 'the item is gone');
    assertNoPageProblems(problems);
  });

  test('the obligations tab lists every window, filters by status and answers as of a date', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Obl');
    const person = await admitParticipant(page, { given: 'Sasha', family });
    await page.goto(`/participants/${person.participantId}`);
    await expectPage(page, person.name);

    // Keyboard: from the selected tab, the arrow keys reach Obligations and Transitions.
    const overview = chartTab(page, 'Overview');
    await overview.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const obligations = chartTab(page, 'Obligations');
    assert.equal(await obligations.getAttribute('aria-selected'), 'true');
    assert.equal(await isFocused(obligations), true);
    assert.equal(new URL(page.url()).pathname, `/participants/${person.participantId}/obligations`);

    const table = page.getByRole('tabpanel').getByRole('table');
    const warm = table.getByRole('row').filter({ hasText: 'Warm hand-off' });
    await warm.waitFor();
    assert.match(await warm.textContent(), /Due/);
    assert.match(await warm.textContent(), /001 §8/);

    // Status filter: only what matches stays.
    const status = page.getByLabel('Status', { exact: true });
    await status.selectOption('met');
    await page.getByRole('status').filter({ hasText: /No obligations with this status|obligations? of/ }).waitFor();
    assert.equal(await warm.count(), 0);
    await status.selectOption('all');
    await warm.waitFor();

    // As of yesterday the referral had not been recorded: nothing was due yet.
    const asOf = page.getByLabel('As of');
    assert.equal(await asOf.inputValue(), localDate(Date.now()));
    const answered = page.waitForResponse(
      (r) => r.url().includes(`/episodes/${person.episodeId}/obligations?as_of=`),
    );
    await asOf.fill(localDate(Date.now() - kDayMs));
    const response = await answered;
    assert.equal(response.status(), 200);
    await page.getByText(/Showing the obligations as they stood at the end of/).waitFor();
    await page.getByRole('status').filter({ hasText: /No obligations for this episode yet|obligations?, by due time/ }).waitFor();
    await page.getByRole('button', { name: 'Back to today' }).click();
    await warm.waitFor();

    // A future date is refused at the field.
    await asOf.fill(localDate(Date.now() + 3 * kDayMs));
    await page.getByText('The date cannot be in the future.').waitFor();
    assertNoPageProblems(problems);
  });

  test('a nurse care manager and a peer also start from My day', async () => {
    const { page, problems } = browser;
    for (const username of ['peer', 'nurse']) {
      await signIn(page, username);
      await expectPage(page, 'My day');
      await page
        .getByRole('heading', { level: 2, name: /^(Overdue \d+|Nothing due — you are up to date)$/ })
        .first()
        .waitFor();
      await page.context().clearCookies();
    }
    assertNoPageProblems(problems);
  });

  test('the worklist API and the page agree on the counts', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    await expectPage(page, 'My day');
    const worklist = await expectStatus(
      await callApiAsPage(page, 'GET', '/api/v1/worklist'),
      200,
      'worklist',
    );
    if (worklist.items.length === 0) {
      await page.getByRole('heading', { level: 2, name: /^Nothing due/ }).waitFor();
    } else {
      const heading = page.getByRole('heading', { level: 2, name: /^Overdue \d+$/ });
      await heading.waitFor();
      assert.equal(
        (await heading.textContent()).replace(/\s+/g, ' ').trim(),
        `Overdue ${worklist.counts.overdue}`,
      );
    }
    assertNoPageProblems(problems);
  });
});
