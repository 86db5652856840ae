// SPDX-License-Identifier: Apache-2.0
// A session that ends on the server (expired or revoked) sends the user back to sign in.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  callApiAsPage,
  demoPassword,
  mainNav,
  signIn,
  signInHeading,
  submitSignIn,
  suiteBrowser,
} from './support.mjs';

describe('session expiry', () => {
  const browser = suiteBrowser({ signedOutEachTest: false });

  test('a revoked session shows the expiry message, and signing in resumes the page', async () => {
    const { page, problems } = browser;
    await signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    // End the session behind the app's back, as an expiry or a sign-out elsewhere would.
    const revoked = await callApiAsPage(page, 'POST', '/api/v1/auth/logout');
    assert.equal(revoked.status, 204);

    await mainNav(page).getByRole('link', { name: 'Users' }).click();
    await page
      .getByRole('alert')
      .getByText('Your session has expired. Please sign in again.')
      .waitFor();
    await signInHeading(page).waitFor();

    await submitSignIn(page, 'admin', demoPassword);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    assertNoPageProblems(problems);
  });

  test('opening the app without a session shows sign-in without a message', async () => {
    const { page, problems } = browser;
    await callApiAsPage(page, 'POST', '/api/v1/auth/logout');
    await page.goto('/');
    await signInHeading(page).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    assertNoPageProblems(problems);
  });
});
