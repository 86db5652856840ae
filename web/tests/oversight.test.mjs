// SPDX-License-Identifier: Apache-2.0
// Program-wide screens (docs/worklists.md "Web"): the supervisor dashboard and its chart, the
// policy page (rules in plain language; an administrator's malformed file refused with its
// line), and on call (the header on every page, the rota page).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  callApiAsPage,
  kProgram,
  mainNav,
  signIn,
  signOut,
  suiteBrowser,
} from './support.mjs';
import {
  admitParticipant,
  expectPage,
  expectStatus,
  isoInstant,
  kHourMs,
  kTimeZone,
  localInput,
  uniqueFamilyName,
} from './worklist-support.mjs';

describe('oversight', () => {
  const browser = suiteBrowser({ timezoneId: kTimeZone });

  test('a supervisor lands on the dashboard: coordinators, compliance per rule, a chart', async () => {
    const { page, problems } = browser;
    // Something met this month: a warm hand-off due within the hour, done now.
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, {
      given: 'Avery',
      family: uniqueFamilyName('Dash'),
      receivedAgoMs: 23 * kHourMs,
    });
    await expectStatus(
      await callApiAsPage(page, 'POST', `/api/v1/episodes/${person.episodeId}/contacts`, {
        body: {
          occurred_at: isoInstant(Date.now() - 60_000),
          duration_minutes: 30,
          mode: 'in_person',
          setting: 'home',
          successful: true,
          with_whom: 'participant',
          disclosed: [],
          purposes: ['warm_handoff'],
          outcome: 'engaged',
          narrative: 'Met at home with the referring nurse.',
          sign: true,
        },
      }),
      201,
      'log contact',
    );
    await signOut(page);

    await signIn(page, 'supervisor');
    await expectPage(page, 'Dashboard');
    assert.equal(new URL(page.url()).pathname, '/dashboard');
    await mainNav(page).getByRole('link', { name: 'My day', exact: true }).waitFor();

    const table = page.getByRole('table', {
      name: 'Caseload, overdue obligations and compliance per rule for each coordinator',
    });
    await table.waitFor();
    for (const column of ['Coordinator', 'Caseload', 'Overdue', 'Warm hand-off']) {
      await table.getByRole('columnheader', { name: column, exact: true }).waitFor();
    }
    const casey = table.getByRole('row').filter({ hasText: 'Casey Jordan' });
    await casey.waitFor();
    assert.match(await casey.textContent(), /\d+ met/);

    // Another month: the table follows.
    const answered = page.waitForResponse((r) => r.url().includes('/dashboard?month='));
    const month = page.getByLabel('Month', { exact: true });
    const current = await month.inputValue();
    const [y, m] = current.split('-').map(Number);
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    await month.fill(previous);
    assert.equal((await answered).status(), 200);

    // The chart is an image with a summary, and its numbers are in a table.
    const chart = page.getByRole('img', { name: /Compliance per rule by month/ });
    await chart.waitFor();
    const toggle = page.getByRole('button', { name: 'Show data table' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByRole('button', { name: 'Hide data table' }).getAttribute('aria-expanded'), 'true');
    const data = page.getByRole('table', { name: /Compliance per rule by month/ });
    await data.getByRole('columnheader', { name: 'Month' }).waitFor();
    assert.equal(await data.getByRole('row').count(), 7, 'a header and six months');
    assertNoPageProblems(problems);
  });

  test('the policy page lists the rules in plain language; coordinators cannot edit it', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    await mainNav(page).getByRole('link', { name: 'Policy', exact: true }).click();
    await expectPage(page, 'Policy');
    const rules = page.getByRole('region', { name: 'Rules' });
    const warm = rules
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Warm hand-off\b/ }) });
    await warm.waitFor();
    const text = (await warm.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /001 §8/);
    assert.match(text, /On/);
    assert.ok(text.length > 60, 'a description in words');
    await page.getByText(/contacts a week/).waitFor();
    assert.equal(await page.getByLabel('Policy (TOML)').count(), 0);
    assertNoPageProblems(problems);
  });

  test("an administrator's malformed policy is refused with its line; a valid one is saved", async () => {
    const { page, problems } = browser;
    await signIn(page, 'admin');
    await page.goto('/policy');
    await expectPage(page, 'Policy');
    const editor = page.getByLabel('Policy (TOML)');
    await editor.waitFor();
    const original = await editor.inputValue();
    const version = await page.getByText(/^(The built-in default \(version 0\)|Version \d+)$/).textContent();

    // Check: a well-formed file is valid, nothing stored.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /The file is valid: \d+ rules/ }).waitFor();

    // An out-of-range amount on a known line.
    const lines = original.split('\n');
    const index = lines.findIndex((l) => /^\s*amount\s*=/.test(l));
    assert.ok(index >= 0, 'the policy has an amount');
    lines[index] = 'amount = 0';
    await editor.fill(lines.join('\n'));
    await page.getByLabel('Why this change').fill('Browser test: a broken file.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const faults = page.getByRole('alert').filter({ hasText: 'nothing was changed' });
    await faults.waitFor();
    assert.match(await faults.textContent(), new RegExp(`[Ll]ine ${index + 1}\\b`));
    assert.equal(await editor.getAttribute('aria-invalid'), 'true');
    // The fault leads to its line.
    await faults.getByRole('button').first().click();
    assert.equal(await editor.evaluate((n) => n === document.activeElement), true);
    assert.equal(
      await page.getByText(/^(The built-in default \(version 0\)|Version \d+)$/).textContent(),
      version,
      'nothing changed',
    );

    // The original text saved again: a new version, the program re-evaluated.
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByLabel('Why this change').fill('Browser test: the same rules, saved again.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Version \d+ is now in force\. \d+ episodes? (was|were) re-evaluated/ })
      .waitFor();
    assertNoPageProblems(problems);
  });

  test('on call: the header names who is on call, and the rota adds and removes shifts', async () => {
    const { page, problems } = browser;
    await signIn(page, 'supervisor');
    await mainNav(page).getByRole('link', { name: 'On call', exact: true }).click();
    await expectPage(page, 'On call');
    await page.getByRole('region', { name: 'Coverage gaps' }).waitFor();

    const phone = `555-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const form = page.getByRole('region', { name: 'Add a shift' });
    await form.getByLabel('Who').selectOption({ label: 'Casey Jordan' });
    await form.getByLabel('Phone').fill(phone);
    await form.getByLabel('From').fill(localInput(Date.now() - kHourMs));
    await form.getByLabel('To').fill(localInput(Date.now() + 2 * kHourMs));
    await form.getByRole('button', { name: 'Add shift' }).click();
    await page.getByRole('status').filter({ hasText: 'Casey Jordan is on call from' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: phone });
    await row.waitFor();

    // Every page's header shows who is on call now.
    await mainNav(page).getByRole('link', { name: 'Participants', exact: true }).click();
    const header = page.getByRole('banner').getByRole('region', { name: 'On call now' });
    await header.getByText(phone).waitFor();
    assert.match((await header.textContent()).replace(/\s+/g, ' '), /On call: .*Casey Jordan.*until/);

    // Removed again; the API agrees.
    await mainNav(page).getByRole('link', { name: 'On call', exact: true }).click();
    await expectPage(page, 'On call');
    await row.getByRole('button', { name: /^Remove the shift of Casey Jordan/ }).click();
    await page.getByRole('status').filter({ hasText: 'The shift of Casey Jordan was removed.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const now = await expectStatus(await callApiAsPage(page, 'GET', '/api/v1/on-call/now'), 200, 'on call');
    const program = now.programs.find((p) => p.program_name === kProgram);
    assert.ok(program, 'the demo program is listed');
    assert.equal(program.on_call.some((s) => s.phone === phone), false);
    await signOut(page);
    assertNoPageProblems(problems);
  });
});
