// SPDX-License-Identifier: Apache-2.0
// Shared set-up for the browser tests: configuration from the environment, a headless Chromium
// from Debian, and the few user steps (sign in, sign out) most tests need.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { chromium } from 'playwright-core';

function requiredEnv(name, example) {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set (e.g. ${example}). The browser tests need a running carecoord ` +
        'server: CARECOORD_URL=http://127.0.0.1:8080 CARECOORD_DEMO_PASSWORD=... npm run test:e2e',
    );
  }
  return value;
}

export const baseUrl = requiredEnv('CARECOORD_URL', 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const demoPassword = requiredEnv(
  'CARECOORD_DEMO_PASSWORD',
  'the password `carecoord demo` printed',
);

export const kProgram = 'Adult Behavioral Health Care Coordination';
const kActionTimeoutMs = 15_000;

// Playwright cannot download its own browser here; Debian's chromium is used instead.
const kChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts Chromium with a fresh profile. Returns the page, a list that collects problems the
 * page reports (uncaught errors, Content-Security-Policy violations), and close().
 * `timezoneId` sets the browser's time zone (default: this machine's).
 */
export async function launchBrowser({ timezoneId } = {}) {
  const profileDir = await mkdtemp(join(tmpdir(), 'carecoord-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: kChromiumArgs,
    baseURL: baseUrl,
    ...(timezoneId ? { timezoneId } : {}),
  });
  context.setDefaultTimeout(kActionTimeoutMs);
  context.setDefaultNavigationTimeout(kActionTimeoutMs);
  const page = context.pages()[0] ?? (await context.newPage());

  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) {
      problems.push(`CSP violation: ${message.text()}`);
    }
  });

  return {
    page,
    problems,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Call inside describe(): one browser for all the suite's tests, started before the first and
 * closed after the last, in `timezoneId` (default: this machine's zone). Unless
 * `signedOutEachTest` is false, each test starts signed out, whatever the one before it left
 * behind. Returns { page, problems }, filled in once the browser has started (read them inside
 * a test).
 */
export function suiteBrowser({ timezoneId, signedOutEachTest = true } = {}) {
  const browser = {};
  before(async () => {
    Object.assign(browser, await launchBrowser({ timezoneId }));
  });
  after(async () => {
    await browser.close?.();
  });
  if (signedOutEachTest) {
    beforeEach(async () => {
      await browser.page.context().clearCookies();
    });
  }
  return browser;
}

/** Fails the test if the page reported errors or policy violations so far. */
export function assertNoPageProblems(problems) {
  assert.deepEqual(problems, [], 'the page reported problems');
}

/** A username no earlier run has used: the test database may be reused between runs. */
export function uniqueUsername(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export function signInHeading(page) {
  return page.getByRole('heading', { level: 1, name: 'Sign in to carecoord' });
}

/** Fills and submits the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page, username, password) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Submits the sign-in form and waits for the server's answer (and the form to be usable again).
 * Returns the HTTP status of the sign-in request.
 */
export async function attemptSignIn(page, username, password) {
  const answered = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/v1/auth/login',
  );
  await submitSignIn(page, username, password);
  const status = (await answered).status();
  if (status !== 200)
    await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':enabled')).waitFor();
  return status;
}

/** Opens the app at `path`, signs in and waits for the signed-in header. */
export async function signIn(page, username, password = demoPassword, path = '/') {
  await page.goto(path);
  await signInHeading(page).waitFor();
  await submitSignIn(page, username, password);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInHeading(page).waitFor();
}

export function mainNav(page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** Calls the API from inside the page, with its session cookie and CSRF token. */
export async function callApiAsPage(page, method, path, { body, headers } = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const me = await (await fetch('/api/v1/me', { credentials: 'same-origin' })).json();
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': me.csrf_token ?? '',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body, headers },
  );
}

/**
 * The form controls inside `root` (a locator) that have no accessible label: no <label>, no
 * aria-label and no aria-labelledby. Each is described by the start of its HTML.
 */
export async function unlabelledControls(root) {
  return root.evaluate((node) =>
    [...node.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden')
      .filter(
        (el) =>
          (el.labels === null || el.labels.length === 0) &&
          !el.getAttribute('aria-label') &&
          !el.getAttribute('aria-labelledby'),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}
