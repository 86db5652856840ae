// SPDX-License-Identifier: Apache-2.0
// Signing in and out, wrong credentials, and form validation on the sign-in page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoPageProblems,
  demoPassword,
  kProgram,
  mainNav,
  signIn,
  signInHeading,
  signOut,
  submitSignIn,
  suiteBrowser,
} from './support.mjs';

describe('sign-in page', () => {
  const browser = suiteBrowser({ signedOutEachTest: false });

  test('a care coordinator signs in, sees who they are, and signs out', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');

    const header = page.getByRole('banner');
    await header.getByText('carecoord', { exact: true }).waitFor();
    await header.getByText('Casey Jordan', { exact: true }).waitFor();
    await header.getByText(`Care coordinator · ${kProgram}`).waitFor();
    // A care coordinator starts at their day's work; focus lands on the page heading.
    const heading = page.getByRole('heading', { level: 1, name: 'My day' });
    await heading.waitFor();
    assert.equal(await heading.evaluate((node) => node === document.activeElement), true);
    assert.equal(new URL(page.url()).pathname, '/');
    // The participant list stays one link away.
    await mainNav(page).getByRole('link', { name: 'Participants', exact: true }).waitFor();
    await mainNav(page).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('cell', { name: kProgram }).waitFor();

    await signOut(page);
    await page.getByRole('status').getByText('You have signed out.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
    assertNoPageProblems(problems);
  });

  test('a wrong password is refused with a clear message', async () => {
    const { page, problems } = browser;
    await page.goto('/');
    await signInHeading(page).waitFor();
    await submitSignIn(page, 'peer', `${demoPassword}-wrong`);

    await page.getByRole('alert').getByText('Incorrect username or password.').waitFor();
    await signInHeading(page).waitFor();
    assert.equal(await page.getByLabel('Password').inputValue(), '');

    // The right password still works (and resets the failed sign-in count).
    await submitSignIn(page, 'peer', demoPassword);
    await page.getByRole('banner').getByText('Pat Lee', { exact: true }).waitFor();
    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('empty fields are flagged next to the field', async () => {
    const { page, problems } = browser;
    await page.goto('/');
    await signInHeading(page).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();

    const username = page.getByLabel('Username');
    await page.getByText('Enter your username.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    assert.equal(await username.getAttribute('aria-invalid'), 'true');
    const describedBy = await username.getAttribute('aria-describedby');
    assert.ok(describedBy, 'the username field points at its error message');
    assert.equal(await page.locator(`[id="${describedBy}"]`).textContent(), 'Enter your username.');
    // Focus moves to the first field in error.
    assert.equal(await username.evaluate((node) => node === document.activeElement), true);
    assertNoPageProblems(problems);
  });

  test('a signed-in session survives a reload', async () => {
    const { page, problems } = browser;
    await signIn(page, 'nurse');
    await page.reload();
    await page.getByRole('banner').getByText('Nora Patel', { exact: true }).waitFor();
    await mainNav(page).getByRole('link', { name: 'Account' }).waitFor();
    await signOut(page);
    assertNoPageProblems(problems);
  });
});
