// SPDX-License-Identifier: Apache-2.0
// The account page: who you are, and changing your own password.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  callApiAsPage,
  kProgram,
  signIn,
  signOut,
  suiteBrowser,
  uniqueUsername,
} from './support.mjs';

const kFirstPassword = 'first-password-for-e2e';
const kSecondPassword = 'second-password-for-e2e';

describe('account page', () => {
  const browser = suiteBrowser({ signedOutEachTest: false });

  test('a user changes their password and signs in with the new one', async () => {
    const { page, problems } = browser;
    // A fresh user, so the shared demo password is never changed.
    await signIn(page, 'admin');
    const programs = await callApiAsPage(page, 'GET', '/api/v1/programs');
    const program = programs.body.items.find((p) => p.name === kProgram);
    const username = uniqueUsername('e2e-pw');
    const created = await callApiAsPage(page, 'POST', '/api/v1/users', {
      body: {
        username,
        display_name: 'Jordan Password',
        password: kFirstPassword,
        roles: [{ program_id: program.id, role: 'care_coordinator' }],
      },
    });
    assert.equal(created.status, 201);
    await signOut(page);

    // Care coordinators start at their participants; the account page has its own address.
    await signIn(page, username, kFirstPassword, '/account');
    const card = page.getByRole('region', { name: 'Change your password' });
    await page
      .getByRole('region', { name: 'Your session' })
      .getByText(/signed out at/)
      .waitFor();

    // Checked in the browser: too short, and not matching.
    await card.getByLabel('Current password').fill(kFirstPassword);
    await card.getByLabel('New password', { exact: true }).fill('short');
    await card.getByLabel('Confirm new password').fill('different');
    await card.getByRole('button', { name: 'Change password' }).click();
    await card.getByText(/Use at least 12 characters/).waitFor();
    await card.getByText('The two new passwords do not match.').waitFor();

    // Refused by the server: the current password is wrong. The user stays signed in.
    await card.getByLabel('Current password').fill('not-the-current-password');
    await card.getByLabel('New password', { exact: true }).fill(kSecondPassword);
    await card.getByLabel('Confirm new password').fill(kSecondPassword);
    await card.getByRole('button', { name: 'Change password' }).click();
    await card.locator('.field-error, [role="alert"]').first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await card.getByLabel('Current password').fill(kFirstPassword);
    await card.getByRole('button', { name: 'Change password' }).click();
    await card
      .getByRole('status')
      .getByText('Your password has been changed.', { exact: false })
      .waitFor();
    await signOut(page);

    await signIn(page, username, kSecondPassword);
    await page.getByRole('banner').getByText('Jordan Password', { exact: true }).waitFor();
    await signOut(page);
    assertNoPageProblems(problems);
  });
});
