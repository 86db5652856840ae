// SPDX-License-Identifier: Apache-2.0
// The editor's needs, goals and interventions (001 §4 §10): needs linked to the assessments they
// came from (an SDOH need added from an assessment in one click), goals in the participant's own
// words with an indicator, baseline, target and target date, and who does what for which goal —
// staff, the participant, family or a natural support.
import type { Assessment, Instrument } from '../../api/assessments';
import {
  kGoalStatuses,
  kGoalVoices,
  kInterventionStatuses,
  kResponsibleParties,
} from '../../api/care_plans';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { SelectField, TextField } from '../../components/Fields';
import { assessmentTitle, needLabel } from '../assessments/assessment_labels';
import { planOptions } from './plan_labels';
import {
  newGoal,
  newIntervention,
  newNeed,
  type PlanDraft,
  type PlanErrors,
} from './plan_draft';

export interface SectionProps {
  draft: PlanDraft;
  /** Applies a change to a copy of the draft. */
  edit: (change: (draft: PlanDraft) => void) => void;
  errors: PlanErrors;
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button button-small button-quiet"
      aria-label={label}
      onClick={onClick}
    >
      Remove
    </button>
  );
}

export function NeedsSection(
  props: SectionProps & { assessments: readonly Assessment[]; instruments: readonly Instrument[] },
) {
  const { draft, edit, errors, assessments, instruments } = props;
  const known = new Set(draft.needs.map((n) => n.description.trim().toLowerCase()));
  const suggestions = assessments.flatMap((a) =>
    a.needs
      .map((code) => ({ assessment: a, label: needLabel(instruments, a, code) }))
      .filter((s) => !known.has(s.label.toLowerCase())),
  );
  // One suggestion per need: the newest assessment that found it (the list is newest first).
  const unique = suggestions.filter(
    (s, i) => suggestions.findIndex((x) => x.label === s.label) === i,
  );
  return (
    <fieldset className="form-section">
      <legend>Needs</legend>
      {unique.length > 0 && (
        <div className="plan-suggestions">
          <p className="field-hint">Needs found by assessments:</p>
          {unique.map((s) => (
            <button
              key={`${s.assessment.id}-${s.label}`}
              type="button"
              className="button button-small"
              onClick={() =>
                edit((d) => {
                  d.needs.push(newNeed(s.label, [s.assessment.id]));
                })
              }
            >
              Add need: {s.label} ({assessmentTitle(s.assessment)})
            </button>
          ))}
        </div>
      )}
      {draft.needs.map((need, i) => (
        <fieldset key={need.id} className="plan-item">
          <legend>Need {i + 1}</legend>
          <TextField
            label="Description"
            value={need.description}
            onValueChange={(v) => edit((d) => void (d.needs[i]!.description = v))}
            error={errors[`needs[${i}].description`]}
            autoComplete="off"
            required
          />
          {assessments.length > 0 && (
            <ChoiceGroup
              kind="checkbox"
              legend="Identified by"
              options={assessments.map((a) => ({ value: a.id, label: assessmentTitle(a) }))}
              values={need.assessment_ids}
              onValuesChange={(ids) => edit((d) => void (d.needs[i]!.assessment_ids = ids))}
            />
          )}
          <RemoveButton
            label={`Remove need ${i + 1}`}
            onClick={() =>
              edit((d) => {
                d.needs.splice(i, 1);
                for (const g of d.goals) g.need_ids = g.need_ids.filter((id) => id !== need.id);
              })
            }
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => edit((d) => void d.needs.push(newNeed()))}
      >
        Add need
      </button>
    </fieldset>
  );
}

export function GoalsSection({ draft, edit, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Goals</legend>
      <p className="field-hint">
        Goals in the participant's own words, each with how progress will be seen and by when
        (001 §10).
      </p>
      {draft.goals.map((goal, i) => {
        const at = `goals[${i}]`;
        const set = (change: (g: PlanDraft['goals'][number]) => void) =>
          edit((d) => change(d.goals[i]!));
        return (
          <fieldset key={goal.id} className="plan-item">
            <legend>Goal {i + 1}</legend>
            <TextField
              label="Goal, in the participant's own words"
              value={goal.statement}
              onValueChange={(v) => set((g) => void (g.statement = v))}
              error={errors[`${at}.statement`]}
              autoComplete="off"
              required
            />
            <div className="form-grid">
              <SelectField
                label="Expressed by"
                value={goal.expressed_by}
                options={planOptions(kGoalVoices, 'Choose…')}
                onValueChange={(v) =>
                  set((g) => void (g.expressed_by = v as typeof g.expressed_by))
                }
                error={errors[`${at}.expressed_by`]}
                required
              />
              <SelectField
                label="Status"
                value={goal.status}
                options={planOptions(kGoalStatuses)}
                onValueChange={(v) => set((g) => void (g.status = v as typeof g.status))}
                error={errors[`${at}.status`]}
              />
              <TextField
                label="Indicator"
                value={goal.indicator}
                onValueChange={(v) => set((g) => void (g.indicator = v))}
                error={errors[`${at}.indicator`]}
                hint="What will show progress, e.g. nights housed per week."
                autoComplete="off"
                required
              />
              <TextField
                label="Unit"
                value={goal.unit}
                onValueChange={(v) => set((g) => void (g.unit = v))}
                error={errors[`${at}.unit`]}
                autoComplete="off"
              />
              <TextField
                label="Baseline"
                inputMode="decimal"
                value={goal.baseline}
                onValueChange={(v) => set((g) => void (g.baseline = v))}
                error={errors[`${at}.baseline`]}
              />
              <TextField
                label="Target"
                inputMode="decimal"
                value={goal.target}
                onValueChange={(v) => set((g) => void (g.target = v))}
                error={errors[`${at}.target`]}
              />
              <TextField
                label="Target date"
                type="date"
                value={goal.target_date}
                onValueChange={(v) => set((g) => void (g.target_date = v))}
                error={errors[`${at}.target_date`]}
                required
              />
            </div>
            {draft.needs.length > 0 && (
              <ChoiceGroup
                kind="checkbox"
                legend="Needs this goal addresses"
                options={draft.needs.map((n, k) => ({
                  value: n.id,
                  label: n.description || `Need ${k + 1}`,
                }))}
                values={goal.need_ids}
                onValuesChange={(ids) => set((g) => void (g.need_ids = ids))}
              />
            )}
            <RemoveButton
              label={`Remove goal ${i + 1}`}
              onClick={() =>
                edit((d) => {
                  d.goals.splice(i, 1);
                  for (const v of d.interventions) if (v.goal_id === goal.id) v.goal_id = '';
                })
              }
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => edit((d) => void d.goals.push(newGoal()))}
      >
        Add goal
      </button>
    </fieldset>
  );
}

export function InterventionsSection({ draft, edit, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Who does what</legend>
      {draft.interventions.map((item, i) => {
        const at = `interventions[${i}]`;
        const set = (change: (v: PlanDraft['interventions'][number]) => void) =>
          edit((d) => change(d.interventions[i]!));
        return (
          <fieldset key={item.id} className="plan-item">
            <legend>Intervention {i + 1}</legend>
            <TextField
              label="What will be done"
              value={item.action}
              onValueChange={(v) => set((x) => void (x.action = v))}
              error={errors[`${at}.action`]}
              autoComplete="off"
              required
            />
            <div className="form-grid">
              <SelectField
                label="Who"
                value={item.responsible}
                options={planOptions(kResponsibleParties, 'Choose…')}
                onValueChange={(v) => set((x) => void (x.responsible = v as typeof x.responsible))}
                error={errors[`${at}.responsible`]}
                required
              />
              <TextField
                label="Name"
                value={item.responsible_name}
                onValueChange={(v) => set((x) => void (x.responsible_name = v))}
                error={errors[`${at}.responsible_name`]}
                hint="The person, when named."
                autoComplete="off"
              />
              <TextField
                label="How often"
                value={item.frequency}
                onValueChange={(v) => set((x) => void (x.frequency = v))}
                error={errors[`${at}.frequency`]}
                autoComplete="off"
              />
              <TextField
                label="Due date"
                type="date"
                value={item.due_date}
                onValueChange={(v) => set((x) => void (x.due_date = v))}
                error={errors[`${at}.due_date`]}
              />
              <SelectField
                label="Status"
                value={item.status}
                options={planOptions(kInterventionStatuses)}
                onValueChange={(v) => set((x) => void (x.status = v as typeof x.status))}
                error={errors[`${at}.status`]}
              />
              <SelectField
                label="For goal"
                value={item.goal_id}
                options={[
                  { value: '', label: 'Not tied to a goal' },
                  ...draft.goals.map((g, k) => ({
                    value: g.id,
                    label: g.statement || `Goal ${k + 1}`,
                  })),
                ]}
                onValueChange={(v) => set((x) => void (x.goal_id = v))}
                error={errors[`${at}.goal_id`]}
              />
            </div>
            <RemoveButton
              label={`Remove intervention ${i + 1}`}
              onClick={() => edit((d) => void d.interventions.splice(i, 1))}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          edit((d) => void d.interventions.push(newIntervention(d.goals[0]?.id ?? '')))
        }
      >
        Add intervention
      </button>
    </fieldset>
  );
}
