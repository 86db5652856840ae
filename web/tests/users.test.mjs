// SPDX-License-Identifier: Apache-2.0
// Administrators create, disable, unlock and edit users; concurrent edits are caught.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  attemptSignIn,
  callApiAsPage,
  demoPassword,
  kProgram,
  mainNav,
  signIn,
  signInHeading,
  signOut,
  submitSignIn,
  suiteBrowser,
  uniqueUsername,
} from './support.mjs';

const kInitialPassword = 'initial-password-for-e2e';

/** Creates a user through the form on the Users page and waits for its row. */
async function createUserThroughForm(page, username, displayName) {
  const form = page.getByRole('region', { name: 'Create a user' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Display name').fill(displayName);
  await form.getByLabel('Initial password').fill(kInitialPassword);
  await form.getByLabel('Program').selectOption({ label: kProgram });
  await form.getByLabel('Role').selectOption({ label: 'Peer support specialist' });
  await form.getByRole('button', { name: 'Create user' }).click();
  await form.getByRole('status').getByText(`Created user ${username}.`).waitFor();
  return userRow(page, username);
}

function userRow(page, username) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
}

async function openUsersPage(page) {
  await mainNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await page.getByRole('table').waitFor();
}

describe('users page', () => {
  const browser = suiteBrowser({ signedOutEachTest: false });

  test('an administrator creates a user, sees it in the table, then disables it', async () => {
    const { page, problems } = browser;
    await signIn(page, 'admin');
    await openUsersPage(page);

    const username = uniqueUsername('e2e-new');
    const row = await createUserThroughForm(page, username, 'Robin Example');
    await row.waitFor();
    await row.getByRole('cell', { name: 'Robin Example' }).waitFor();
    await row.getByText(`Peer support specialist · ${kProgram}`).waitFor();
    assert.equal(
      await row.getByRole('cell', { name: 'No' }).count(),
      2,
      'neither disabled nor locked',
    );

    await row.getByRole('button', { name: `Edit ${username}` }).click();
    await page.getByRole('button', { name: 'Disable account' }).click();
    await page.getByRole('status').getByText(`Disabled the account of ${username}.`).waitFor();
    // Columns: username, display name, roles, disabled, locked, actions.
    assert.equal(await row.getByRole('cell').nth(2).textContent(), 'Yes');
    await page.getByRole('button', { name: 'Enable account' }).waitFor();

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('a taken username is reported next to the username field', async () => {
    const { page, problems } = browser;
    await signIn(page, 'admin');
    await openUsersPage(page);
    const form = page.getByRole('region', { name: 'Create a user' });
    await form.getByLabel('Username').fill('coordinator');
    await form.getByLabel('Display name').fill('Someone Else');
    await form.getByLabel('Initial password').fill(kInitialPassword);
    await form.getByRole('button', { name: 'Create user' }).click();

    const usernameField = form.getByLabel('Username');
    await form.locator('input[aria-invalid="true"]').waitFor();
    assert.equal(await usernameField.getAttribute('aria-invalid'), 'true');
    const describedBy = (await usernameField.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    assert.ok(errorId, 'the username field points at its error message');
    assert.notEqual((await page.locator(`[id="${errorId}"]`).textContent()).trim(), '');
    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('a change based on an old version is refused and the list reloaded', async () => {
    const { page, problems } = browser;
    await signIn(page, 'admin');
    await openUsersPage(page);
    const username = uniqueUsername('e2e-race');
    const row = await createUserThroughForm(page, username, 'Original Name');
    await row.getByRole('button', { name: `Edit ${username}` }).click();

    // Another administrator renames the user after this page loaded it.
    const users = await callApiAsPage(page, 'GET', '/api/v1/users');
    const created = users.body.items.find((user) => user.username === username);
    const renamed = await callApiAsPage(page, 'PATCH', `/api/v1/users/${created.id}`, {
      body: { display_name: 'Renamed Elsewhere' },
      headers: { 'If-Match': `"${created.version}"` },
    });
    assert.equal(renamed.status, 200);

    await page.getByRole('button', { name: 'Disable account' }).click();
    await page
      .getByRole('alert')
      .getByText(/someone else changed/)
      .waitFor();
    await row.getByRole('cell', { name: 'Renamed Elsewhere' }).waitFor();
    assert.equal(await row.getByRole('cell').nth(2).textContent(), 'No', 'not disabled');

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('a locked account explains itself, and an administrator unlocks it', async () => {
    const { page, problems } = browser;
    await signIn(page, 'admin');
    await openUsersPage(page);
    const username = uniqueUsername('e2e-lock');
    await createUserThroughForm(page, username, 'Locked Out');
    await signOut(page);

    // Five failed sign-ins in a row lock the account; then even the right password is refused.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const status = await attemptSignIn(page, username, `wrong-password-${attempt}`);
      assert.ok(status === 401 || status === 423, `attempt ${attempt} answered ${status}`);
    }
    assert.equal(await attemptSignIn(page, username, kInitialPassword), 423);
    // The server's explanation, and who can help.
    const lockedAlert = page.getByRole('alert').filter({ hasText: /locked/ });
    await lockedAlert.waitFor();
    await lockedAlert.getByText(/administrator/).first().waitFor();
    assert.equal(
      await page.getByRole('alert').getByText('Incorrect username or password.').count(),
      0,
      'a locked account is not reported as a wrong password',
    );

    await submitSignIn(page, 'admin', demoPassword);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await openUsersPage(page);
    const row = userRow(page, username);
    assert.equal(await row.getByRole('cell').nth(3).textContent(), 'Yes', 'shown as locked');
    await row.getByRole('button', { name: `Edit ${username}` }).click();
    await page.getByRole('button', { name: 'Unlock account' }).click();
    await page.getByRole('status').getByText(`Unlocked the account of ${username}.`).waitFor();
    assert.equal(await row.getByRole('cell').nth(3).textContent(), 'No');
    await signOut(page);

    await submitSignIn(page, username, kInitialPassword);
    await page.getByRole('banner').getByText('Locked Out', { exact: true }).waitFor();
    await signOut(page);
    await signInHeading(page).waitFor();
    assertNoPageProblems(problems);
  });
});
