// SPDX-License-Identifier: Apache-2.0
// Assessments on the chart (docs/assessments.md "Assessments", "Risk tiers"; 001 §3, 002): a
// PHQ-9 scored live as answers are clicked, the urgent safety flag of item 9, a refusal shown at
// the item the server blamed, the saved assessment in the list and the history chart, and the
// risk tier on the header moving with its reason; a supervisor overrides the tier and clears it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  callApiAsPage,
  signIn,
  suiteBrowser,
  unlabelledControls,
} from './support.mjs';
import {
  admitParticipant,
  chartTab,
  errorOf,
  expectPage,
  expectStatus,
  isFocused,
  isoInstant,
  kTimeZone,
  uniqueFamilyName,
  worklistItem,
} from './worklist-support.mjs';

/** The PHQ-9's items in order ({ text, scored, required }), from the server's definition. */
async function phq9Items(page) {
  const body = await expectStatus(
    await callApiAsPage(page, 'GET', '/api/v1/instruments/phq9'),
    200,
    'PHQ-9 definition',
  );
  return body.sections.flatMap((s) => s.items);
}

function tierGroup(page) {
  return page.getByRole('group', { name: 'Risk tier' });
}

describe('assessments', () => {
  const browser = suiteBrowser({ timezoneId: kTimeZone });

  test('a PHQ-9 is scored live, raises the safety flag and moves the risk tier', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, { given: 'Avery', family: uniqueFamilyName('Phq') });
    const all = await phq9Items(page);
    const items = all.filter((i) => i.scored).map((i) => i.text);
    assert.equal(items.length, 9);
    // The difficulty question is asked but not scored, and optional.
    const unscored = all.find((i) => !i.scored);
    assert.equal(unscored?.required, false);

    await page.goto(`/participants/${person.participantId}/assessments`);
    await expectPage(page, person.name);
    assert.equal(await chartTab(page, 'Assessments').getAttribute('aria-selected'), 'true');
    const tier = tierGroup(page);
    await tier.getByRole('button', { name: /show the reasons/ }).waitFor();
    const tierBefore = (await tier.getByRole('button', { name: /show the reasons/ }).textContent()) ?? '';
    await page.getByText('No assessments yet.').waitFor();

    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByLabel('Instrument', { exact: true }).selectOption({ label: 'PHQ-9' });
    await page.getByRole('button', { name: 'Start assessment' }).click();
    const form = page.getByRole('form', { name: 'PHQ-9' });
    const score = form.getByRole('complementary', { name: 'Score so far' });
    const total = score.getByTestId('live-total');
    assert.equal(await total.textContent(), '0');
    assert.deepEqual(await unlabelledControls(form), [], 'every field has a label');

    const item = (n) => form.getByRole('group', { name: items[n - 1], exact: true });
    // Nothing answered: the form's own check lands on the first item.
    await form.getByRole('button', { name: 'Save assessment' }).click();
    const firstRadio = item(1).getByRole('radio').first();
    assert.equal(await errorOf(page, firstRadio), 'Choose an answer.');
    assert.equal(await isFocused(firstRadio), true);

    // 4 is the top of "Minimal", 5 the start of "Mild": the band follows the running total.
    await item(1).getByRole('radio', { name: 'Nearly every day (3)' }).check();
    assert.equal(await total.textContent(), '3');
    await item(2).getByRole('radio', { name: 'Several days (1)' }).check();
    assert.equal(await total.textContent(), '4');
    assert.match(await score.textContent(), /Band\s*Minimal/);
    await item(3).getByRole('radio', { name: 'Several days (1)' }).check();
    assert.equal(await total.textContent(), '5');
    assert.match(await score.textContent(), /Band\s*Mild/);
    // Changing an answer changes the total back.
    await item(3).getByRole('radio', { name: 'Not at all (0)' }).check();
    assert.equal(await total.textContent(), '4');
    assert.match(await score.textContent(), /Band\s*Minimal/);
    assert.equal(await score.getByRole('list', { name: 'Flags raised' }).count(), 0);

    for (const n of [3, 4, 5, 6, 7, 8]) {
      await item(n).getByRole('radio', { name: 'More than half the days (2)' }).check();
    }
    assert.equal(await total.textContent(), '16');
    assert.match(await score.textContent(), /Band\s*Moderately severe/);
    // Item 9 at "Several days" raises the urgent safety flag whatever the total.
    await item(9).getByRole('radio', { name: 'Several days (1)' }).check();
    assert.equal(await total.textContent(), '17');
    await form
      .getByRole('group', { name: `${unscored.text} (optional)`, exact: true })
      .getByRole('radio', { name: 'Very difficult (2)' })
      .check();
    assert.equal(await total.textContent(), '17', 'an unscored answer leaves the total');
    const flags = score.getByRole('list', { name: 'Flags raised' });
    await flags.getByText(/Urgent flag/).waitFor();

    // A refusal naming an answer shows at that item (the server would say so for a bad value).
    await page.route(
      (url) => url.pathname.endsWith('/assessments'),
      async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        await route.fulfill({
          status: 400,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            status: 400,
            title: 'Bad request',
            detail: 'answers.q3 must be one of the options',
            field: 'answers.q3',
          }),
        });
      },
      { times: 1 },
    );
    await form.getByRole('button', { name: 'Save assessment' }).click();
    const third = item(3).getByRole('radio').first();
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    assert.match(await errorOf(page, third), /must be one of the options/);

    // Saved for real: the list, the history chart and the tier with its reason.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/assessments') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Save assessment' }).click();
    assert.equal((await saved).status(), 201);
    await page.getByRole('status').filter({ hasText: 'The PHQ-9 was saved: total 17, Moderately severe.' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'PHQ-9' }) });
    await row.waitFor();
    assert.match(await row.textContent(), /17/);
    assert.match(await row.textContent(), /Moderately severe/);
    assert.match(await row.locator('.badge-flag-urgent').textContent(), /⚠/);
    await page.getByRole('figure', { name: 'PHQ-9 total over time' }).waitFor();

    const badge = tier.getByRole('button', { name: /show the reasons/ });
    await tier.getByRole('button', { name: /^High/ }).waitFor();
    assert.notEqual(await badge.textContent(), tierBefore, 'the tier changed');
    // The reasons: in a list the user opens (and in the tooltip on hover and focus).
    assert.equal(await badge.getAttribute('aria-expanded'), 'false');
    await badge.click();
    const reasons = tier.getByRole('list', { name: 'Reasons for the risk tier' });
    await reasons.waitFor();
    assert.match(await reasons.textContent(), /PHQ-9|safety|self-harm/i);
    assert.match((await tier.getByRole('tooltip', { includeHidden: true }).textContent()) ?? '', /PHQ-9|safety|self-harm/i);
    // Coordinators cannot override.
    assert.equal(await tier.getByRole('button', { name: 'Override tier' }).count(), 0);

    // Screened minutes after the referral was accepted, at the form's default time: the flag
    // still falls inside the episode and its follow-up is due today.
    await page.goto('/');
    await expectPage(page, 'My day');
    await worklistItem(page, person.name, 'Safety flag').waitFor();
    assertNoPageProblems(problems);
  });

  test('a safety flag is followed up from My day, which leads to the assessments', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, { given: 'Casey', family: uniqueFamilyName('Flag') });
    const answers = { q1: 1, q2: 1, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 1 };
    // The episode starts when the referral is accepted, and a flag counts from the episode's
    // start: assess a whole second after it (instants are sent to the second).
    await page.waitForTimeout(1_200);
    const saved = await expectStatus(
      await callApiAsPage(page, 'POST', `/api/v1/participants/${person.participantId}/assessments`, {
        body: {
          instrument_id: 'phq9',
          episode_id: person.episodeId,
          assessed_at: isoInstant(Date.now()),
          respondent: 'participant',
          notes: '',
          answers,
        },
      }),
      201,
      'record PHQ-9',
    );
    assert.deepEqual(saved.flags, ['safety']);

    // Due today: a crisis contact to log, and the way to the assessments that raised it.
    await page.goto('/');
    await expectPage(page, 'My day');
    const followUp = worklistItem(page, person.name, 'Safety flag');
    await followUp.waitFor();
    await followUp.getByRole('button', { name: 'Log contact' }).waitFor();
    await followUp.getByRole('link', { name: 'Open assessments' }).click();
    await expectPage(page, person.name);
    assert.equal(await chartTab(page, 'Assessments').getAttribute('aria-selected'), 'true');
    await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'PHQ-9' }) }).waitFor();
    assertNoPageProblems(problems);
  });

  test('a LOCUS without a determination table asks for the level and a reason for a variance', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, { given: 'Drew', family: uniqueFamilyName('Loc') });
    const locus = await expectStatus(
      await callApiAsPage(page, 'GET', '/api/v1/instruments/locus'),
      200,
      'LOCUS definition',
    );
    assert.equal(locus.determination_table, null, 'the demo installs no licensed table');
    const dimensions = locus.sections.flatMap((s) => s.items);
    const level = (code) => locus.levels.find((l) => l.code === code).label;

    await page.goto(`/participants/${person.participantId}/assessments`);
    await expectPage(page, person.name);
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByLabel('Instrument', { exact: true }).selectOption({ label: 'LOCUS' });
    await page.getByRole('button', { name: 'Start assessment' }).click();
    const form = page.getByRole('form', { name: 'LOCUS' });
    const score = form.getByRole('complementary', { name: 'Score so far' });
    assert.match(await score.textContent(), /Composite/);
    // Ratings 1–5 as radio buttons; every dimension at 3 makes a composite of 3 × 7.
    for (const d of dimensions) {
      await form.getByRole('group', { name: d.text, exact: true }).getByRole('radio', { name: '3' }).check();
    }
    assert.equal(await score.getByTestId('live-total').textContent(), String(3 * dimensions.length));
    assert.deepEqual(await unlabelledControls(form), [], 'every field has a label');

    const recommended = form.getByLabel('Recommended level');
    await form.getByRole('button', { name: 'Save assessment' }).click();
    assert.equal(await errorOf(page, recommended), 'Choose the recommended level.');
    await recommended.selectOption({ label: level('4') });
    await form.getByLabel('Level provided').selectOption({ label: level('3') });
    await form.getByRole('button', { name: 'Save assessment' }).click();
    const variance = form.getByLabel('Reason for variance');
    assert.match(await errorOf(page, variance), /differs from the recommended/);
    await variance.fill('No intensive team has an opening this month.');
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await page.getByRole('status').filter({ hasText: 'The LOCUS was saved' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'LOCUS' }) });
    assert.match(await row.textContent(), /Recommended Level 4/);
    assert.match(await row.textContent(), /provided Level 3 .* No intensive team/);
    assertNoPageProblems(problems);
  });

  test('for a participant under 18 the instruments for children and youth come first', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, { given: 'Eli', family: uniqueFamilyName('Kid') });
    const before = await expectStatus(
      await callApiAsPage(page, 'GET', `/api/v1/participants/${person.participantId}`),
      200,
      'participant',
    );
    const birth = new Date();
    birth.setFullYear(birth.getFullYear() - 12);
    await expectStatus(
      await callApiAsPage(page, 'PATCH', `/api/v1/participants/${person.participantId}`, {
        body: { birth_date: birth.toISOString().slice(0, 10) },
        headers: { 'If-Match': `"${before.version}"` },
      }),
      200,
      'make the participant 12',
    );
    await page.goto(`/participants/${person.participantId}/assessments`);
    await expectPage(page, person.name);
    await page.getByRole('button', { name: 'New assessment' }).click();
    const options = await page
      .getByLabel('Instrument', { exact: true })
      .locator('option')
      .allTextContents();
    const pediatric = options.filter((o) => o.endsWith('(children and youth)'));
    assert.ok(pediatric.length >= 1, 'pediatric instruments are offered');
    assert.deepEqual(options.slice(1, 1 + pediatric.length), pediatric, 'and listed first');
    assertNoPageProblems(problems);
  });

  test('a supervisor overrides the tier with a reason and clears it', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, { given: 'Blake', family: uniqueFamilyName('Ovr') });
    await page.context().clearCookies();
    await signIn(page, 'supervisor');
    await page.goto(`/participants/${person.participantId}`);
    await expectPage(page, person.name);
    const tier = tierGroup(page);
    await tier.getByRole('button', { name: 'Override tier' }).click();
    const form = tier.getByRole('form', { name: 'Override the risk tier' });
    await form.getByRole('button', { name: 'Override tier' }).click();
    assert.equal(await errorOf(page, form.getByLabel('Tier')), 'Choose the tier.');
    await form.getByLabel('Tier').selectOption({ label: 'High' });
    await form.getByLabel('Reason').fill('Lost housing yesterday; seeing them daily this week.');
    await form.getByRole('button', { name: 'Override tier' }).click();
    await tier.getByRole('button', { name: /^High \(overridden\)/ }).waitFor();
    await tier.getByText(/Overridden by .+: Lost housing yesterday/).waitFor();

    await tier.getByRole('button', { name: 'Clear override' }).click();
    const clear = tier.getByRole('form', { name: 'Clear the tier override' });
    await clear.getByLabel('Reason').fill('Housed again.');
    await clear.getByRole('button', { name: 'Clear override' }).click();
    await tier.getByRole('button', { name: 'Override tier' }).waitFor();
    assert.equal(await tier.getByText(/Overridden by/).count(), 0);
    assert.equal(await tier.getByRole('button', { name: /overridden/ }).count(), 0);
    assertNoPageProblems(problems);
  });
});
