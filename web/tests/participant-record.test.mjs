// SPDX-License-Identifier: Apache-2.0
// The participant record (docs/participant-record.md): intake, the chart and its tabs,
// contacts and the release check, releases, hand-offs, emergency access, and who is offered
// which section. Every test makes its own people (unique names), so runs can repeat against
// the same database.
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
  uniqueUsername,
} from './support.mjs';
import {
  errorOf,
  expectStatus,
  isoInstant,
  kDayMs,
  kHourMs,
  kTimeZone,
  localInput,
  uniqueFamilyName,
} from './worklist-support.mjs';

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

async function api(page, method, path, options) {
  const response = await callApiAsPage(page, method, path, options);
  return response;
}

/**
 * Through the API, as the signed-in intake user: a referral received three hours ago, accepted
 * with the signed-in user as accountable coordinator. Returns { participantId, episodeId }.
 */
async function admitParticipant(page, person) {
  const me = await expectStatus(await api(page, 'GET', '/api/v1/me'), 200, 'me');
  const referral = await expectStatus(
    await api(page, 'POST', '/api/v1/referrals', {
      body: {
        urgency: 'routine',
        received_at: isoInstant(Date.now() - 3 * kHourMs),
        reason: 'Set up by the browser tests.',
        source: { setting: 'primary_care', organization: 'Test Clinic' },
        documents: [],
        person,
      },
    }),
    201,
    'create referral',
  );
  const accepted = await expectStatus(
    await api(page, 'POST', `/api/v1/referrals/${referral.id}/accept`, {
      body: { coordinator_id: me.id },
      headers: { 'If-Match': `"${referral.version}"` },
    }),
    200,
    'accept referral',
  );
  return { participantId: accepted.participant_id, episodeId: accepted.episode_id };
}

/** A care coordinator of the demo program besides the demo one; created by the administrator. */
async function createCoordinator(page, displayName) {
  await signIn(page, 'admin');
  const programs = await expectStatus(await api(page, 'GET', '/api/v1/programs'), 200, 'programs');
  const program = programs.items.find((p) => p.name === kProgram);
  await expectStatus(
    await api(page, 'POST', '/api/v1/users', {
      body: {
        username: uniqueUsername('e2e-cc'),
        display_name: displayName,
        password: 'coordinator-password-for-e2e',
        roles: [{ program_id: program.id, role: 'care_coordinator' }],
      },
    }),
    201,
    'create coordinator',
  );
  await signOut(page);
}

/** Waits for the page titled `name`; fails with the page's alert if one shows up instead. */
async function expectPage(page, name) {
  const heading = page.getByRole('heading', { level: 1, name, exact: true });
  const alert = page.getByRole('alert');
  await heading.or(alert).first().waitFor();
  if (!(await heading.isVisible())) {
    assert.fail(`expected the page "${name}"; the page says: ${await alert.first().textContent()}`);
  }
}

/** Waits (at most 5 s) until the input holds `expected`. */
async function waitForValue(input, expected) {
  const deadline = Date.now() + 5000;
  let value = await input.inputValue();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await input.inputValue();
  }
  assert.equal(value, expected);
}

function chartTab(page, name) {
  return page.getByRole('tablist', { name: 'Participant chart' }).getByRole('tab', { name });
}

async function isFocused(locator) {
  return locator.evaluate((node) => node === document.activeElement);
}

describe('participant record', () => {
  const browser = suiteBrowser({ timezoneId: kTimeZone });

  test('each role is offered the record sections it may use', async () => {
    const { page, problems } = browser;
    const expectations = [
      [
        'coordinator',
        ['Intake', 'Participants', 'Expiring releases'],
        ['Emergency access', 'Users'],
      ],
      ['supervisor', ['Intake', 'Participants', 'Emergency access'], ['Users', 'Audit']],
      ['peer', ['Participants', 'Expiring releases'], ['Intake', 'Emergency access']],
      ['auditor', ['Participants', 'Emergency access', 'Audit'], ['Intake', 'Users']],
      ['admin', ['Users', 'Account'], ['Intake', 'Participants', 'Expiring releases']],
    ];
    for (const [username, offered, hidden] of expectations) {
      await signIn(page, username);
      const nav = mainNav(page);
      for (const name of offered) await nav.getByRole('link', { name, exact: true }).waitFor();
      for (const name of hidden) {
        assert.equal(
          await nav.getByRole('link', { name, exact: true }).count(),
          0,
          `${username} is not offered ${name}`,
        );
      }
      await signOut(page);
    }
    assertNoPageProblems(problems);
  });

  test('intake: a new referral shows a known person, is linked, accepted, contacted and handed off', async () => {
    const { page, problems } = browser;
    const newCoordinator = `Robin ${uniqueFamilyName('Handoff')}`;
    await createCoordinator(page, newCoordinator);

    // A person already known: admitted earlier, their episode since closed.
    const family = uniqueFamilyName('Known');
    const birthDate = '1988-03-14';
    await signIn(page, 'coordinator');
    const known = await admitParticipant(page, {
      given_name: 'Avery',
      family_name: family,
      birth_date: birthDate,
    });
    const episode = await expectStatus(
      await api(page, 'GET', `/api/v1/episodes/${known.episodeId}`),
      200,
      'episode',
    );
    await expectStatus(
      await api(page, 'POST', `/api/v1/episodes/${known.episodeId}/status`, {
        body: { status: 'closed', reason: 'Moved out of the area.' },
        headers: { 'If-Match': `"${episode.version}"` },
      }),
      200,
      'close episode',
    );

    await mainNav(page).getByRole('link', { name: 'Intake' }).click();
    await page.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
    await page.getByRole('link', { name: 'New referral' }).click();
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();

    // Typing the same name and date of birth finds the known person.
    await page.getByLabel('Given name').fill('Avery');
    await page.getByLabel('Family name').fill(family);
    await page.getByLabel('Date of birth').fill(birthDate);
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    const candidate = duplicates.getByRole('listitem').filter({ hasText: `Avery ${family}` });
    await candidate.waitFor();
    await candidate.getByText(/same birth date and a similar name/).waitFor();
    await candidate.getByRole('button', { name: /^Link to this person/ }).click();
    await candidate.getByText('Linked', { exact: true }).waitFor();

    await page.getByRole('radio', { name: 'Urgent' }).check();
    await page.getByLabel('Source setting').selectOption({ label: 'Emergency department' });
    await page.getByLabel('Referring organization').fill('County General');
    await page.getByLabel('Received').fill(localInput(Date.now() - 2 * kHourMs));
    await page
      .getByLabel('Reason for referral')
      .fill('Seen twice this month for panic; no follow-up.');
    await page.getByRole('button', { name: 'Add a document' }).click();
    const docTitle = page.getByLabel('Document 1 title');
    assert.equal(await isFocused(docTitle), true, 'focus moves to the new document row');
    await docTitle.fill('Discharge summary');
    await page.getByLabel('Document 1 reference').fill('fax #4411');
    await page.getByRole('button', { name: 'Save referral' }).click();

    // The referral: linked to the known person, accepted with the demo coordinator.
    await expectPage(page, `Referral: Avery ${family}`);
    await page.getByText('Discharge summary').waitFor();
    const coordinatorSelect = page.getByLabel('Accountable care coordinator');
    await coordinatorSelect
      .locator('option', { hasText: 'Casey Jordan' })
      .waitFor({ state: 'attached' });
    await coordinatorSelect.selectOption({ label: 'Casey Jordan' });
    await page.getByText(`linked to Avery ${family}`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Accept referral' }).click();

    // The chart of the known person (no second record), in a new engaging episode.
    await expectPage(page, `Avery ${family}`);
    assert.equal(new URL(page.url()).pathname, `/participants/${known.participantId}`);
    const summary = page.getByRole('list', { name: 'Summary' });
    await summary.getByText('Casey Jordan').waitFor();
    await summary.getByText('Engaging').waitFor();

    // Log a signed contact.
    await chartTab(page, 'Contacts').click();
    await page.getByRole('button', { name: 'Log contact' }).click();
    const form = page.getByRole('form', { name: 'Log contact' });
    await form.getByLabel('Mode').selectOption({ label: 'Phone' });
    await form.getByRole('radio', { name: 'Successful contact' }).check();
    await form.getByLabel('With whom').selectOption({ label: 'Participant' });
    await form.getByRole('checkbox', { name: 'Engagement' }).check();
    await form.getByLabel('Outcome').selectOption({ label: 'Engaged' });
    await form.getByLabel('Note').fill('Called after discharge; agreed to meet Thursday.');
    await form.getByRole('checkbox', { name: 'Sign on save' }).check();
    await form.getByRole('button', { name: 'Save contact' }).click();
    await page.getByRole('status').getByText('The contact was saved and signed.').waitFor();
    const timeline = page.getByRole('list', { name: 'Contacts, newest first' });
    const contact = timeline.getByRole('article').first();
    await contact.getByText('Called after discharge; agreed to meet Thursday.').waitFor();
    await contact.getByText('Signed', { exact: true }).waitFor();
    await contact.getByRole('button', { name: /^Add addendum/ }).waitFor();

    // Hand accountability to the new coordinator, face to face.
    await chartTab(page, 'Episode').click();
    const transfer = page.getByRole('region', { name: 'Transfer accountability' });
    const to = transfer.getByLabel('New accountable coordinator');
    await to.locator('option', { hasText: newCoordinator }).waitFor({ state: 'attached' });
    await to.selectOption({ label: newCoordinator });
    await transfer.getByRole('checkbox', { name: 'The hand-off was face to face' }).check();
    await transfer.getByLabel('Hand-off note').fill('Met together at the clinic.');
    await transfer.getByRole('button', { name: 'Transfer accountability' }).click();
    await page
      .getByRole('status')
      .getByText(`${newCoordinator} is now the accountable coordinator.`)
      .waitFor();
    const handoffs = page.getByRole('region', { name: 'Hand-off history' });
    const row = handoffs.getByRole('row').filter({ hasText: 'Met together at the clinic.' });
    await row.getByRole('cell', { name: newCoordinator }).waitFor();
    await row.getByRole('cell', { name: 'Yes' }).waitFor();
    await summary.getByText(newCoordinator).waitFor();

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('a contact that discloses without a release is refused, and the missing release explained', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Release');
    const { participantId, episodeId } = await admitParticipant(page, {
      given_name: 'Jules',
      family_name: family,
      birth_date: '1979-07-02',
    });
    // A release for Dr. Smith that covered mental health only, and expired ten days ago.
    await expectStatus(
      await api(page, 'POST', `/api/v1/participants/${participantId}/consents`, {
        body: {
          party: { kind: 'person', name: 'Dr. Smith' },
          purpose: 'Coordinate psychiatric care',
          categories: ['mental_health'],
          effective_date: isoDate(Date.now() - 400 * kDayMs),
          expiry_date: isoDate(Date.now() - 10 * kDayMs),
          signed_by: 'participant',
          signer_name: `Jules ${family}`,
          signed_date: isoDate(Date.now() - 400 * kDayMs),
        },
      }),
      201,
      'record consent',
    );

    await page.goto(`/participants/${participantId}/contacts`);
    await page.getByRole('heading', { level: 1, name: `Jules ${family}`, exact: true }).waitFor();
    assert.equal(await chartTab(page, 'Contacts').getAttribute('aria-selected'), 'true');
    await page.getByRole('button', { name: 'Log contact' }).click();
    const form = page.getByRole('form', { name: 'Log contact' });
    await form.getByLabel('Mode').selectOption({ label: 'Phone' });
    await form.getByRole('radio', { name: 'Successful contact' }).check();
    await form.getByLabel('With whom').selectOption({ label: 'Provider' });
    await form.getByLabel('Party').selectOption({ label: 'Someone else (type the name)' });
    await form.getByLabel('Name of the person or organization').fill('Dr. Smith');
    await form.getByRole('checkbox', { name: 'Substance use (Part 2)' }).check();
    await form.getByRole('checkbox', { name: 'Care planning' }).check();
    await form.getByLabel('Outcome').selectOption({ label: 'Information shared' });
    await form.getByLabel('Note').fill('Discussed the detox plan with Dr. Smith.');
    await form.getByRole('button', { name: 'Save contact' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await refusal.waitFor();
    const text = (await refusal.textContent()).replace(/\s+/g, ' ');
    assert.match(
      text,
      /Not saved: no active release covers Dr\. Smith for Substance use \(Part 2\) on /,
    );
    assert.match(text, /— .*release/i, 'the reason the releases on file do not cover it');
    const contacts = await expectStatus(
      await api(page, 'GET', `/api/v1/episodes/${episodeId}/contacts`),
      200,
      'contacts',
    );
    assert.equal(contacts.items.length, 0, 'nothing was saved');

    // The way to the releases; the draft waits in the Contacts tab.
    await refusal.getByRole('link', { name: 'Go to the Consents tab' }).click();
    assert.equal(await chartTab(page, 'Consents').getAttribute('aria-selected'), 'true');
    const release = page.getByRole('row').filter({ hasText: 'Dr. Smith' });
    await release.getByText('Expired', { exact: true }).waitFor();
    await chartTab(page, 'Contacts').click();
    assert.equal(
      await form.getByLabel('Name of the person or organization').inputValue(),
      'Dr. Smith',
    );

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('a release is recorded and revoked', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Consent');
    const { participantId } = await admitParticipant(page, {
      given_name: 'Morgan',
      family_name: family,
      birth_date: '1992-11-30',
    });
    await page.goto(`/participants/${participantId}/consents`);
    await page.getByRole('heading', { level: 1, name: `Morgan ${family}`, exact: true }).waitFor();

    await page.getByRole('button', { name: 'Record release' }).click();
    const form = page.getByRole('form', { name: 'Record release' });
    await form.getByLabel('Party').selectOption({ label: 'Organization' });
    await form.getByLabel('Shared with').fill('Riverside Clinic');
    await form.getByLabel('Purpose').fill('Coordinate outpatient care');
    await form.getByRole('checkbox', { name: 'Mental health' }).check();
    await form.getByRole('checkbox', { name: 'General health' }).check();
    await form.getByRole('button', { name: 'Record release' }).click();
    await page
      .getByRole('status')
      .getByText('Recorded the release for Riverside Clinic.')
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Riverside Clinic' });
    await row.getByText('Active', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Revoke the release for Riverside Clinic' }).click();
    const revoke = page.getByRole('form', { name: 'Revoke the release for Riverside Clinic' });
    // The note is required.
    await revoke.getByRole('button', { name: 'Revoke release' }).click();
    const note = revoke.getByLabel('Note');
    assert.match(await errorOf(page, note), /how and by whom/);
    assert.equal(await isFocused(note), true);
    await note.fill('Participant phoned to withdraw consent.');
    await revoke.getByRole('button', { name: 'Revoke release' }).click();
    await page.getByRole('status').getByText('Revoked the release for Riverside Clinic.').waitFor();
    await row.getByText('Revoked', { exact: true }).waitFor();
    assert.equal(
      await row.getByRole('button', { name: 'Revoke the release for Riverside Clinic' }).count(),
      0,
      'a revoked release cannot be revoked again',
    );

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('the chart tabs are used with the keyboard', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Keys');
    const { participantId } = await admitParticipant(page, {
      given_name: 'Sam',
      family_name: family,
      birth_date: '2012-05-20',
    });
    await page.goto(`/participants/${participantId}`);
    await page.getByRole('heading', { level: 1, name: `Sam ${family}`, exact: true }).waitFor();
    // Under 22: the child, family and school details are shown.
    await page.getByRole('region', { name: 'Child, family and school' }).waitFor();

    const tabs = page.getByRole('tablist', { name: 'Participant chart' }).getByRole('tab');
    assert.equal(await tabs.count(), 9);
    assert.deepEqual(
      await tabs.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('tabindex'))),
      ['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1', '-1'],
      'only the selected tab is in the tab order',
    );
    const overview = chartTab(page, 'Overview');
    await overview.focus();

    async function expectSelected(name, path) {
      const tab = chartTab(page, name);
      assert.equal(await tab.getAttribute('aria-selected'), 'true', `${name} selected`);
      assert.equal(await isFocused(tab), true, `${name} focused`);
      assert.equal(new URL(page.url()).pathname, path);
      const panel = page.getByRole('tabpanel', { name });
      await panel.waitFor();
      assert.equal(await panel.getAttribute('id'), await tab.getAttribute('aria-controls'));
    }

    const base = `/participants/${participantId}`;
    await page.keyboard.press('ArrowRight');
    await expectSelected('Contacts', `${base}/contacts`);
    await page.keyboard.press('ArrowRight');
    await expectSelected('Obligations', `${base}/obligations`);
    await page.keyboard.press('ArrowRight');
    await expectSelected('Transitions', `${base}/transitions`);
    await page.keyboard.press('ArrowRight');
    await expectSelected('Care team', `${base}/care-team`);
    await page
      .getByRole('tabpanel', { name: 'Care team' })
      .getByText('Casey Jordan')
      .first()
      .waitFor();
    await page.keyboard.press('End');
    await expectSelected('Episode', `${base}/episode`);
    await page.keyboard.press('ArrowRight');
    await expectSelected('Overview', base);
    await page.keyboard.press('ArrowLeft');
    await expectSelected('Episode', `${base}/episode`);
    await page.keyboard.press('Home');
    await expectSelected('Overview', base);

    // Tab leaves the tab list for the panel.
    await page.keyboard.press('Tab');
    assert.equal(await isFocused(page.getByRole('tabpanel', { name: 'Overview' })), true);

    // Reloading keeps the tab.
    await chartTab(page, 'Consents').click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Sam ${family}`, exact: true }).waitFor();
    assert.equal(await chartTab(page, 'Consents').getAttribute('aria-selected'), 'true');

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('field errors are shown next to their fields, and focus goes to the first', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator', undefined, '/intake/new');
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await page.getByRole('button', { name: 'Save referral' }).click();

    const given = page.getByLabel('Given name');
    assert.equal(await errorOf(page, given), 'Enter the given name.');
    assert.equal(await isFocused(given), true, 'focus on the first field in error');
    assert.equal(await errorOf(page, page.getByLabel('Family name')), 'Enter the family name.');
    assert.equal(await errorOf(page, page.getByLabel('Date of birth')), 'Enter the date of birth.');
    assert.equal(
      await errorOf(page, page.getByLabel('Source setting')),
      'Choose where the referral comes from.',
    );
    assert.equal(
      await errorOf(page, page.getByRole('radio', { name: 'Routine' })),
      'Choose how urgent the referral is.',
    );
    assert.equal(
      await errorOf(page, page.getByLabel('Reason for referral')),
      'Enter the reason for the referral.',
    );

    // Fixing one field and getting another wrong moves focus to what is still wrong.
    await given.fill('Kim');
    await page.getByLabel('Family name').fill(uniqueFamilyName('Valid'));
    await page.getByLabel('Date of birth').fill(isoDate(Date.now() + 2 * kDayMs));
    await page.getByRole('button', { name: 'Save referral' }).click();
    const birth = page.getByLabel('Date of birth');
    assert.equal(await errorOf(page, birth), 'The date of birth cannot be in the future.');
    assert.equal(await isFocused(birth), true);
    assert.equal(await given.getAttribute('aria-invalid'), null);

    // The contact form, too.
    const family = uniqueFamilyName('Checks');
    const { participantId } = await admitParticipant(page, {
      given_name: 'Lee',
      family_name: family,
      birth_date: '1985-01-09',
    });
    await page.goto(`/participants/${participantId}/contacts`);
    await page.getByRole('button', { name: 'Log contact' }).click();
    const form = page.getByRole('form', { name: 'Log contact' });
    await form.getByLabel('With whom').selectOption({ label: 'Natural support' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    const mode = form.getByLabel('Mode');
    assert.equal(await errorOf(page, mode), 'Choose how the contact happened.');
    assert.equal(await isFocused(mode), true);
    assert.equal(await errorOf(page, form.getByLabel('Party')), 'Choose who the contact was with.');
    assert.match(
      await errorOf(page, form.getByRole('checkbox', { name: 'Mental health' })),
      /Choose the information shared/,
    );
    assert.equal(
      await errorOf(page, form.getByRole('checkbox', { name: 'Engagement' })),
      'Choose at least one purpose.',
    );

    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('emergency access opens a record with a banner, and supervisors see it', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Glass');
    const { participantId } = await admitParticipant(page, {
      given_name: 'Rowan',
      family_name: family,
      birth_date: '1970-09-09',
    });
    await signOut(page);

    // The peer support specialist is not on this person's care team.
    await signIn(page, 'peer', undefined, `/participants/${participantId}`);
    await page.getByRole('alert').getByText('Not found or you do not have access.').waitFor();
    await page.getByRole('button', { name: 'Emergency access' }).click();
    const reason = page.getByLabel('Reason for emergency access');
    await page.getByRole('button', { name: 'Open the record' }).click();
    assert.match(await errorOf(page, reason), /at least 10 characters/);
    await reason.fill('Rowan is at the crisis unit and staff need the safety plan.');
    await page.getByRole('button', { name: 'Open the record' }).click();
    await page.getByRole('heading', { level: 1, name: `Rowan ${family}`, exact: true }).waitFor();
    await page.getByRole('status').getByText('Emergency access — audited.').waitFor();
    await signOut(page);

    await signIn(page, 'supervisor');
    await mainNav(page).getByRole('link', { name: 'Emergency access' }).click();
    const row = page.getByRole('row').filter({ hasText: `Rowan ${family}` });
    await row.getByText('Pat Lee').waitFor();
    await row.getByText('Rowan is at the crisis unit and staff need the safety plan.').waitFor();
    await signOut(page);
    assertNoPageProblems(problems);
  });

  test('the participant list finds a person and opens the chart; overview edits save', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const family = uniqueFamilyName('Search');
    const { participantId } = await admitParticipant(page, {
      given_name: 'Dana',
      family_name: family,
      birth_date: '1990-04-02',
    });
    await mainNav(page).getByRole('link', { name: 'Participants' }).click();
    const search = page.getByRole('search', { name: 'Find participants' });
    await search.getByLabel('Name').fill(family.slice(0, 10));
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: `${family}, Dana` }).click();
    await page.getByRole('heading', { level: 1, name: `Dana ${family}`, exact: true }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/participants/${participantId}`);

    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('form', { name: 'Edit details' });
    await edit.getByLabel('Preferred name').fill('Dee');
    await edit.getByLabel('Pronouns').fill('they/them');
    await edit.getByLabel('Preferred language').fill('es');
    await edit.getByRole('checkbox', { name: 'Interpreter needed' }).check();
    await edit.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('status').getByText("The participant's details were saved.").waitFor();
    const summary = page.getByRole('list', { name: 'Summary' });
    await summary.getByText('they/them').waitFor();
    await summary.getByText('Interpreter', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: /goes by Dee/ }).waitFor();

    // A change based on an old version is refused with a request to reload.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const current = await expectStatus(
      await api(page, 'GET', `/api/v1/participants/${participantId}`),
      200,
      'participant',
    );
    await expectStatus(
      await api(page, 'PATCH', `/api/v1/participants/${participantId}`, {
        body: { pronouns: 'she/her' },
        headers: { 'If-Match': `"${current.version}"` },
      }),
      200,
      'concurrent change',
    );
    await edit.getByLabel('Gender identity').fill('Nonbinary');
    await edit.getByRole('button', { name: 'Save details' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'someone else changed this record' });
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Reload' }).click();
    // The form starts again from the record as it now is.
    await waitForValue(edit.getByLabel('Pronouns'), 'she/her');
    assert.equal(await conflict.count(), 0, 'the conflict message is gone after the reload');

    await signOut(page);
    assertNoPageProblems(problems);
  });
});
