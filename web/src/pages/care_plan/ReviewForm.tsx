// SPDX-License-Identifier: Apache-2.0
// Recording a review of the plan with the participant (001 §10: "reviewed regularly"): when,
// the next review date, who took part and what was said. It meets the care plan review
// obligation (docs/assessments.md "Obligations").
import { useId, useState } from 'react';
import { recordCarePlanReview, type CarePlan } from '../../api/care_plans';
import { TextAreaField, TextField } from '../../components/Fields';
import { FormActions } from '../../components/FormActions';
import { useFormSubmit } from '../../components/use_form_submit';
import { isCalendarDate, today } from '../../format';

type Field = 'reviewed_on' | 'next_review_date' | 'participants' | 'note';

export function ReviewForm(props: {
  plan: CarePlan;
  onRecorded: (plan: CarePlan) => void;
  /** The plan changed meanwhile (412): the tab loads it again; the form keeps what was typed. */
  onStale: () => void;
  onCancel: () => void;
}) {
  const { plan, onRecorded, onStale, onCancel } = props;
  const headingId = useId();
  const [reviewedOn, setReviewedOn] = useState(today());
  const [next, setNext] = useState('');
  const [who, setWho] = useState('');
  const [note, setNote] = useState('');
  const submit = useFormSubmit<Field>({
    fields: {
      reviewed_on: ['reviewed_on', 'Reviewed on'],
      next_review_date: ['next_review_date', 'Next review date'],
      participants: ['participants', 'Who took part'],
      note: ['note', 'Note'],
    },
    notDone: 'The review was not recorded.',
    onConflict: onStale,
  });
  const e = submit.errors;

  async function onSubmit() {
    const found: Partial<Record<Field, string>> = {};
    if (!isCalendarDate(reviewedOn)) found.reviewed_on = 'Enter the date of the review.';
    else if (reviewedOn > today()) found.reviewed_on = 'The review cannot be in the future.';
    if (!isCalendarDate(next)) found.next_review_date = 'Enter the next review date.';
    else if (isCalendarDate(reviewedOn) && next <= reviewedOn) {
      found.next_review_date = 'The next review comes after this one.';
    }
    if (who.trim() === '') found.participants = 'Say who took part.';
    if (!submit.validate(found)) return;
    await submit.send(
      () =>
        recordCarePlanReview(plan.participant_id, plan.id, plan.version, {
          reviewed_on: reviewedOn,
          next_review_date: next,
          participants: who.trim(),
          note: note.trim(),
        }),
      onRecorded,
    );
  }

  return (
    <form {...submit.formProps(onSubmit)} aria-labelledby={headingId} className="inline-form">
      <h3 id={headingId}>Record a review</h3>
      <div className="form-grid">
        <TextField
          label="Reviewed on"
          type="date"
          value={reviewedOn}
          max={today()}
          onValueChange={setReviewedOn}
          error={e.reviewed_on}
          required
        />
        <TextField
          label="Next review date"
          type="date"
          value={next}
          onValueChange={setNext}
          error={e.next_review_date}
          required
        />
      </div>
      <TextField
        label="Who took part"
        value={who}
        onValueChange={setWho}
        error={e.participants}
        hint="The participant, family, staff."
        autoComplete="off"
        required
      />
      <TextAreaField label="Note" value={note} onValueChange={setNote} error={e.note} rows={3} />
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Record review"
        busySubmit="Recording…"
        onCancel={onCancel}
      />
    </form>
  );
}
