// SPDX-License-Identifier: Apache-2.0
// The audit log is for auditors only; others are not offered it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { request } from 'playwright-core';
import {
  assertNoPageProblems,
  baseUrl,
  callApiAsPage,
  demoPassword,
  mainNav,
  signIn,
  signOut,
  suiteBrowser,
} from './support.mjs';

describe('audit page', () => {
  const browser = suiteBrowser({ signedOutEachTest: false });

  test('an auditor sees audit events, including their own sign-in', async () => {
    const { page, problems } = browser;
    await signIn(page, 'auditor');
    await page.getByRole('banner').getByText('Aubrey Chen', { exact: true }).waitFor();
    assert.equal(await mainNav(page).getByRole('link', { name: 'Users' }).count(), 0);

    await mainNav(page).getByRole('link', { name: 'Audit' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Audit log' });
    await heading.waitFor();
    assert.equal(await heading.evaluate((node) => node === document.activeElement), true);
    const table = page.getByRole('table');
    await table.waitFor();
    assert.ok((await table.getByRole('row').count()) > 1, 'at least one event row');

    // Filtering by the auditor's own user ID leaves only their events: at least the sign-in.
    const me = await callApiAsPage(page, 'GET', '/api/v1/me');
    await page.getByLabel('User ID').fill(me.body.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .getByText(/^Showing \d+ events?/)
      .waitFor();
    const rows = table.locator('tbody tr');
    const count = await rows.count();
    assert.ok(count >= 1, 'the auditor has at least one event');
    for (let i = 0; i < count; i += 1) {
      assert.match(await rows.nth(i).getByRole('cell').nth(1).textContent(), /^auditor/);
    }

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('"Load more" pages back through older events', async () => {
    const { page, problems } = browser;
    // Sign in and out over the API so the auditor has more events than one small page holds.
    const api = await request.newContext({ baseURL: baseUrl });
    try {
      for (let i = 0; i < 11; i += 1) {
        const login = await api.post('/api/v1/auth/login', {
          data: { username: 'auditor', password: demoPassword },
        });
        assert.equal(login.status(), 200);
        const { token, csrf_token: csrfToken } = await login.json();
        // This context also keeps the session cookie, so send the CSRF token too.
        const logout = await api.post('/api/v1/auth/logout', {
          headers: { Authorization: `Bearer ${token}`, 'X-CSRF-Token': csrfToken },
        });
        assert.equal(logout.status(), 204);
      }
    } finally {
      await api.dispose();
    }

    await signIn(page, 'auditor', demoPassword, '/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const me = await callApiAsPage(page, 'GET', '/api/v1/me');
    await page.getByLabel('User ID').fill(me.body.id);
    await page.getByLabel('Events per page').selectOption('10');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page
      .getByRole('status')
      .getByText(/^Showing 10 events/)
      .waitFor();

    const rows = page.getByRole('table').locator('tbody tr');
    await page.getByRole('button', { name: 'Load more' }).click();
    await page
      .getByRole('status')
      .getByText(/^Showing (1[1-9]|20) events/)
      .waitFor();
    const count = await rows.count();
    assert.ok(count > 10, `more than one page shown (${count} rows)`);

    // Newest first across the page boundary.
    const times = await rows
      .locator('time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    const sorted = [...times].sort().reverse();
    assert.deepEqual(times, sorted);

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('a care coordinator is not offered the Audit or Users sections', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Account' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Audit' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0);

    // Typing the address directly leads back to their home page, My day.
    await page.goto('/audit');
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await signOut(page);
    assertNoPageProblems(problems);
  });
});
