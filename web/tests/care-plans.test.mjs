// SPDX-License-Identifier: Apache-2.0
// Care plans on the chart (docs/assessments.md "Care plans", "Family copy"; 001 §4 §10, 002):
// writing a plan with a goal and the participant's agreement, a second version with its changes
// in the history, a concurrent save through the API met with the conflict view and both edits
// kept, goal progress, a review, and the family copy printed in English and in Spanish without
// the app's navigation; every field of the editor has a label.
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
  expectPage,
  expectStatus,
  isoInstant,
  kDayMs,
  kTimeZone,
  localDate,
  uniqueFamilyName,
} from './worklist-support.mjs';

describe('care plans', () => {
  const browser = suiteBrowser({ timezoneId: kTimeZone });

  test('a plan is written, versioned, merged after a concurrent save, and printed', async () => {
    const { page, problems } = browser;
    await signIn(page, 'coordinator');
    const person = await admitParticipant(page, { given: 'Rosa', family: uniqueFamilyName('Plan') });
    const today = localDate(Date.now());
    const inDays = (n) => localDate(Date.now() + n * kDayMs);

    // A social needs screening that finds housing instability (through the API).
    const sdoh = await expectStatus(
      await callApiAsPage(page, 'GET', '/api/v1/instruments/sdoh'),
      200,
      'SDOH definition',
    );
    const answers = {};
    for (const item of sdoh.sections.flatMap((x) => x.items)) {
      if (item.kind === 'choice') answers[item.id] = item.options[0].value;
      else if (item.kind === 'rating') answers[item.id] = item.min;
    }
    answers.living_situation = 2;
    const screening = await expectStatus(
      await callApiAsPage(page, 'POST', `/api/v1/participants/${person.participantId}/assessments`, {
        body: {
          instrument_id: 'sdoh',
          episode_id: person.episodeId,
          assessed_at: isoInstant(Date.now() - 60_000),
          respondent: 'participant',
          notes: '',
          answers,
        },
      }),
      201,
      'record SDOH',
    );
    assert.deepEqual(screening.needs, ['housing_instability']);

    await page.goto(`/participants/${person.participantId}/care-plan`);
    await expectPage(page, person.name);
    await page.getByText('has no care plan yet').waitFor();
    await page.getByRole('button', { name: 'Write care plan' }).click();
    const editor = page.getByRole('form', { name: 'Write care plan' });

    // The need found by the screening, added in one click and linked to it.
    await editor.getByRole('button', { name: /^Add need: Housing instability/ }).click();
    const need = editor.getByRole('group', { name: 'Need 1' });
    assert.equal(await need.getByLabel('Description').inputValue(), 'Housing instability');
    assert.equal(await need.getByRole('checkbox').first().isChecked(), true);
    assert.equal(await editor.getByRole('button', { name: /^Add need: Housing/ }).count(), 0);

    // The editor's checks: a goal needs its words, indicator and date; a decline needs a note.
    await editor.getByRole('button', { name: 'Add goal' }).click();
    await editor.getByRole('button', { name: 'Add intervention' }).click();
    await editor.getByRole('button', { name: 'Add strength' }).click();
    await editor.getByRole('button', { name: 'Add natural support' }).click();
    await editor.getByRole('button', { name: 'Add crisis contact' }).click();
    await editor.getByRole('button', { name: 'Add step' }).click();
    assert.deepEqual(await unlabelledControls(editor), [], 'every field has a label');

    const goal = editor.getByRole('group', { name: 'Goal 1' });
    await editor.getByLabel('How they agreed').selectOption({ label: 'Declined' });
    await editor.getByRole('button', { name: 'Save care plan' }).click();
    const statement = goal.getByLabel("Goal, in the participant's own words");
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    assert.equal(await statement.getAttribute('aria-invalid'), 'true');
    assert.equal(await editor.getByLabel('Agreement note').getAttribute('aria-invalid'), 'true');

    await statement.fill('I want my own apartment by spring');
    await goal.getByLabel('Indicator').fill('Nights housed per week');
    await goal.getByLabel('Unit').fill('nights');
    await goal.getByLabel('Baseline').fill('2');
    await goal.getByLabel('Target', { exact: true }).fill('7');
    await goal.getByLabel('Target date').fill(inDays(120));
    await goal.getByRole('checkbox', { name: 'Housing instability' }).check();
    const intervention = editor.getByRole('group', { name: 'Intervention 1' });
    await intervention.getByLabel('What will be done').fill('Apply for housing voucher');
    await intervention.getByLabel('Who', { exact: true }).selectOption({ label: 'Care coordinator' });
    await editor.getByLabel('Strength 1', { exact: true }).fill('Close to her sister');
    const support = editor.getByRole('group', { name: 'Support 1' });
    await support.getByLabel('Name').fill('Ana');
    await support.getByLabel('Relationship').fill('sister');
    await editor.getByLabel('Warning signs').fill('Stops answering the phone');
    await editor.getByRole('group', { name: 'Step 1' }).getByLabel('Step', { exact: true }).fill('Join the peer-run recovery group');
    await editor.getByLabel('How they agreed').selectOption({ label: 'Verbal' });
    await editor.getByLabel('Agreement date').fill(today);
    await editor.getByLabel('Agreed by').selectOption({ label: 'Participant' });
    await editor.getByLabel("Signer's name").fill(person.name);
    await editor.getByLabel('Next review date').fill(inDays(90));
    await editor.getByRole('button', { name: 'Save care plan' }).click();
    await page.getByRole('status').filter({ hasText: 'The care plan was saved.' }).waitFor();
    await page.getByText(/Version 1/).first().waitFor();

    // Version 2, with what changed in the history.
    await page.getByRole('button', { name: 'Edit care plan' }).click();
    const edit2 = page.getByRole('form', { name: 'Edit care plan (version 1)' });
    await edit2.getByRole('button', { name: 'Add strength' }).click();
    await edit2.getByLabel('Strength 2', { exact: true }).fill('Knows the bus routes');
    await edit2.getByLabel('Change note').fill('Added a strength she named');
    await edit2.getByRole('button', { name: 'Save care plan' }).click();
    await page.getByRole('status').filter({ hasText: 'The care plan was saved as version 2.' }).waitFor();
    const history = page.getByRole('region', { name: 'Version history' });
    const v2 = history.getByRole('article', { name: 'Version 2' });
    await v2.waitFor();
    assert.match(await v2.textContent(), /Added a strength she named/);
    assert.match(await v2.getByRole('list').textContent(), /Knows the bus routes/);
    await history.getByRole('article', { name: 'Version 1' }).getByRole('button', { name: 'Open version 1' }).click();
    const opened = page.getByRole('region', { name: /^Version 1 \(read-only\)/ });
    await opened.waitFor();
    assert.equal(await opened.getByText('Knows the bus routes').count(), 0);
    assert.equal(await opened.locator('input, textarea, select').count(), 0, 'read-only');

    // Someone else saves version 3 through the API while this editor is open on version 2.
    await page.getByRole('button', { name: 'Edit care plan' }).click();
    const edit3 = page.getByRole('form', { name: 'Edit care plan (version 2)' });
    await edit3.getByRole('button', { name: 'Add barrier' }).click();
    await edit3.getByLabel('Barrier 1', { exact: true }).fill('No ID documents');
    const plans = await expectStatus(
      await callApiAsPage(page, 'GET', `/api/v1/participants/${person.participantId}/care-plans`),
      200,
      'list plans',
    );
    const plan = plans.items[0];
    assert.equal(plan.version, 2);
    const theirs = structuredClone(plan.document);
    theirs.resources.push('Food bank on Main St');
    await expectStatus(
      await callApiAsPage(page, 'PUT', `/api/v1/participants/${person.participantId}/care-plans/${plan.id}`, {
        body: { document: theirs, change_note: 'Added the food bank' },
        headers: { 'If-Match': '"2"' },
      }),
      200,
      'concurrent save',
    );

    await edit3.getByRole('button', { name: 'Save care plan' }).click();
    const conflict = page.getByRole('region', { name: /^Someone else saved this plan \(version 3, by / });
    await conflict.waitFor();
    assert.match(await conflict.getByRole('list', { name: 'What they saved' }).textContent(), /Food bank on Main St/);
    assert.match(await conflict.getByRole('list', { name: 'Your edits' }).textContent(), /No ID documents/);
    await conflict.getByRole('button', { name: 'Keep my edits on top of theirs' }).click();
    await page.getByRole('status').filter({ hasText: 'The care plan was saved as version 4.' }).waitFor();
    const merged = await expectStatus(
      await callApiAsPage(page, 'GET', `/api/v1/participants/${person.participantId}/care-plans/${plan.id}`),
      200,
      'plan after merge',
    );
    assert.equal(merged.version, 4);
    assert.deepEqual(merged.document.resources, ['Food bank on Main St']);
    assert.deepEqual(merged.document.barriers, ['No ID documents']);
    assert.deepEqual(merged.document.strengths, ['Close to her sister', 'Knows the bus routes']);

    // Goal progress: an entry and its chart against the baseline and target.
    await page.getByRole('button', { name: 'Add progress to goal 1' }).click();
    const progress = page.getByRole('form', { name: 'Add progress to goal 1' });
    await progress.getByLabel(/^Value/).fill('4');
    await progress.getByLabel('Note').fill('Staying with Ana four nights');
    await progress.getByRole('button', { name: 'Save progress' }).click();
    await page.getByRole('figure', { name: /^Progress toward “I want my own apartment by spring”/ }).waitFor();

    // A review with the participant.
    await page.getByRole('button', { name: 'Record a review' }).click();
    const review = page.getByRole('form', { name: 'Record a review' });
    await review.getByLabel('Next review date').fill(inDays(180));
    await review.getByLabel('Who took part').fill('Rosa, her sister Ana, care coordinator');
    await review.getByRole('button', { name: 'Record review' }).click();
    await page.getByRole('status').filter({ hasText: 'The review was recorded.' }).waitFor();

    // The family copy in English (no preferred language), printed without the navigation.
    await page.getByRole('link', { name: 'Family copy' }).click();
    await page.getByRole('heading', { level: 1, name: 'My care plan' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    await page.getByRole('heading', { name: 'My goals' }).waitFor();
    await page.getByText('“I want my own apartment by spring”', { exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    await page.emulateMedia({ media: 'screen' });

    // Spanish for a participant who prefers it.
    const current = await expectStatus(
      await callApiAsPage(page, 'GET', `/api/v1/participants/${person.participantId}`),
      200,
      'participant',
    );
    await expectStatus(
      await callApiAsPage(page, 'PATCH', `/api/v1/participants/${person.participantId}`, {
        body: { preferred_language: 'es' },
        headers: { 'If-Match': `"${current.version}"` },
      }),
      200,
      'set preferred language',
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mi plan de cuidado' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const heading of ['Mis metas', 'Quién hace qué', 'Si estoy en crisis', 'Nuestro acuerdo']) {
      assert.equal(await page.getByRole('heading', { name: heading }).isVisible(), true, heading);
    }
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Imprimir' }).isVisible(), false);
    assert.equal(await page.getByRole('link', { name: 'English' }).isVisible(), false);
    await page.getByText('988').first().waitFor();
    await page.emulateMedia({ media: 'screen' });
    // ?lang= chooses the other language.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My care plan' }).waitFor();
    assert.match(page.url(), /\?lang=en$/);
    assertNoPageProblems(problems);
  });
});
