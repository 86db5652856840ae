// SPDX-License-Identifier: Apache-2.0
// Writing and editing the care plan (docs/assessments.md "Care plans"). Every save is a new
// version sent with If-Match; when someone else saved meanwhile (412) the conflict view shows
// both edits and lets the user keep theirs on top or discard them.
import { useState } from 'react';
import type { Assessment, Instrument } from '../../api/assessments';
import {
  createCarePlan,
  currentPlanOf,
  updateCarePlan,
  type CarePlan,
  type CarePlanDocument,
} from '../../api/care_plans';
import { TextAreaField, TextField } from '../../components/Fields';
import { FormActions } from '../../components/FormActions';
import type { FieldMap } from '../../components/form_errors';
import { useFormSubmit } from '../../components/use_form_submit';
import { ConflictView } from './ConflictView';
import {
  emptyDocument,
  toDocument,
  toDraft,
  validatePlan,
  type PlanDraft,
} from './plan_draft';
import { GoalsSection, InterventionsSection, NeedsSection } from './PlanGoalSections';
import {
  AgreementSection,
  CrisisPlanSection,
  ListsSection,
  MedicalSummarySection,
  NaturalSupportsSection,
  TransitionPlanSection,
} from './PlanSupportSections';

/** The version the editor started from: what "their" and "my" changes are measured against. */
interface Base {
  version: number;
  document: CarePlanDocument;
}

function fieldMapFor(draft: PlanDraft): FieldMap<string> {
  const map: FieldMap<string> = {};
  const add = (path: string, label: string) => {
    map[path] = [path, label];
    map[`document.${path}`] = [path, label];
  };
  draft.needs.forEach((_, i) => add(`needs[${i}].description`, `Need ${i + 1} description`));
  draft.goals.forEach((_, i) => {
    const at = `goals[${i}]`;
    add(`${at}.statement`, `Goal ${i + 1}`);
    const goalFields = ['expressed_by', 'indicator', 'unit', 'baseline', 'target', 'target_date'];
    for (const f of [...goalFields, 'status']) {
      add(`${at}.${f}`, `Goal ${i + 1} ${f.replaceAll('_', ' ')}`);
    }
  });
  draft.interventions.forEach((_, i) => {
    const at = `interventions[${i}]`;
    const itemFields = ['action', 'responsible', 'responsible_name', 'frequency', 'due_date'];
    for (const f of [...itemFields, 'status', 'goal_id']) {
      add(`${at}.${f}`, `Intervention ${i + 1} ${f.replaceAll('_', ' ')}`);
    }
  });
  draft.transition_plan.forEach((_, i) => add(`transition_plan[${i}].target_date`, 'Target date'));
  for (const f of ['warning_signs', 'coping_steps', 'crisis_line']) {
    add(`crisis_plan.${f}`, f.replaceAll('_', ' '));
  }
  for (const f of ['method', 'date', 'signer', 'signer_name', 'note']) {
    add(`agreement.${f}`, `Agreement ${f.replaceAll('_', ' ')}`);
  }
  add('review_date', 'Review date');
  map['change_note'] = ['change_note', 'Change note'];
  return map;
}

interface Props {
  participantId: string;
  /** For a first plan: the episode it is for. */
  episodeId: string | null;
  /** The plan to edit; null writes the first one. */
  plan: CarePlan | null;
  assessments: readonly Assessment[];
  instruments: readonly Instrument[];
  onSaved: (plan: CarePlan) => void;
  /** Someone else's newer version replaced this editor's (edits discarded). */
  onReplaced: (plan: CarePlan) => void;
  onCancel: () => void;
}

export function CarePlanEditor(props: Props) {
  const { participantId, episodeId, plan, assessments, instruments } = props;
  const { onSaved, onReplaced, onCancel } = props;
  const [base, setBase] = useState<Base | null>(() =>
    plan ? { version: plan.version, document: plan.document } : null,
  );
  const [draft, setDraft] = useState<PlanDraft>(() => toDraft(plan?.document ?? emptyDocument()));
  const [changeNote, setChangeNote] = useState('');
  const [conflict, setConflict] = useState<CarePlan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = useFormSubmit<string>({
    fields: fieldMapFor(draft),
    notDone: 'The care plan was not saved.',
  });
  const errors = submit.errors;

  function edit(change: (d: PlanDraft) => void) {
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
  }

  async function save(document: CarePlanDocument, against: Base | null, note: string) {
    await submit.send(
      async (key) => {
        try {
          if (against === null) {
            return await createCarePlan(participantId, episodeId, document, note, key);
          }
          const planId = plan?.id ?? '';
          return await updateCarePlan(participantId, planId, against.version, document, note);
        } catch (error) {
          const current = currentPlanOf(error);
          if (current === null) throw error;
          setConflict(current);
          return null;
        }
      },
      (saved) => {
        if (saved !== null) onSaved(saved);
      },
    );
  }

  async function onSubmit() {
    setNotice(null);
    if (!submit.validate(validatePlan(draft))) return;
    await save(toDocument(draft), base, changeNote.trim());
  }

  const title = plan
    ? `Edit care plan (version ${base?.version ?? plan.version})`
    : 'Write care plan';
  const sections = { draft, edit, errors };

  return (
    <>
      {conflict && base && (
        <ConflictView
          base={base.document}
          theirs={conflict}
          mine={toDocument(draft)}
          busy={submit.busy}
          onKeepMine={(merged) => {
            const next = { version: conflict.version, document: conflict.document };
            setBase(next);
            setDraft(toDraft(merged));
            setConflict(null);
            void save(merged, next, changeNote.trim());
          }}
          onDiscardMine={() => {
            setBase({ version: conflict.version, document: conflict.document });
            setDraft(toDraft(conflict.document));
            setConflict(null);
            setNotice(`Your edits were discarded; this is version ${conflict.version}.`);
            onReplaced(conflict);
          }}
        />
      )}
      <form
        {...submit.formProps(onSubmit)}
        aria-labelledby="care-plan-editor-heading"
        className="edit-form care-plan-editor"
        hidden={conflict !== null}
      >
        <h3 id="care-plan-editor-heading">{title}</h3>
        {notice && (
          <div role="status" className="message message-info">
            {notice}
          </div>
        )}
        <NeedsSection {...sections} assessments={assessments} instruments={instruments} />
        <GoalsSection {...sections} />
        <InterventionsSection {...sections} />
        <ListsSection {...sections} />
        <NaturalSupportsSection {...sections} />
        <CrisisPlanSection {...sections} />
        <MedicalSummarySection {...sections} />
        <TransitionPlanSection {...sections} />
        <AgreementSection {...sections} />
        <div className="form-grid">
          <TextField
            label="Next review date"
            type="date"
            value={draft.review_date}
            onValueChange={(v) => edit((d) => void (d.review_date = v))}
            error={errors['review_date']}
            required
          />
        </div>
        <TextAreaField
          label="Change note"
          value={changeNote}
          onValueChange={setChangeNote}
          error={errors['change_note']}
          hint="What changed and why, for the version history."
          rows={2}
        />
        <FormActions
          failure={submit.failure}
          busy={submit.busy}
          submit="Save care plan"
          busySubmit="Saving…"
          onCancel={onCancel}
        />
      </form>
    </>
  );
}
