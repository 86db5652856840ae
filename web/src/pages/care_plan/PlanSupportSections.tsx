// SPDX-License-Identifier: Apache-2.0
// The editor's supports and safety: natural supports (002), the crisis plan (002 "an emergency
// plan"), the medical summary (002), the steps toward community-based supports (001 §10) and the
// participant's or guardian's agreement (001 §4 shared decision-making).
import { kAgreementMethods, kAgreementSigners } from '../../api/care_plans';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField, TextAreaField, TextField } from '../../components/Fields';
import { planOptions } from './plan_labels';
import type { SectionProps } from './PlanGoalSections';
import { TextListEditor } from './TextListEditor';

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

export function NaturalSupportsSection({ draft, edit }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Natural supports</legend>
      {draft.natural_supports.map((s, i) => (
        <fieldset key={i} className="plan-item">
          <legend>Support {i + 1}</legend>
          <div className="form-grid">
            <TextField
              label="Name"
              value={s.name}
              onValueChange={(v) => edit((d) => void (d.natural_supports[i]!.name = v))}
              autoComplete="off"
            />
            <TextField
              label="Relationship"
              value={s.relationship}
              onValueChange={(v) => edit((d) => void (d.natural_supports[i]!.relationship = v))}
              autoComplete="off"
            />
            <TextField
              label="What they do in the plan"
              value={s.role}
              onValueChange={(v) => edit((d) => void (d.natural_supports[i]!.role = v))}
              autoComplete="off"
            />
            <TextField
              label="Phone"
              type="tel"
              value={s.phone}
              onValueChange={(v) => edit((d) => void (d.natural_supports[i]!.phone = v))}
              autoComplete="off"
            />
          </div>
          <RemoveButton
            label={`Remove support ${i + 1}`}
            onClick={() => edit((d) => void d.natural_supports.splice(i, 1))}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          edit((d) => {
            d.natural_supports.push({ name: '', relationship: '', role: '', phone: '' });
          })
        }
      >
        Add natural support
      </button>
    </fieldset>
  );
}

export function CrisisPlanSection({ draft, edit, errors }: SectionProps) {
  const crisis = draft.crisis_plan;
  return (
    <fieldset className="form-section">
      <legend>Crisis plan</legend>
      <TextAreaField
        label="Warning signs"
        value={crisis.warning_signs}
        onValueChange={(v) => edit((d) => void (d.crisis_plan.warning_signs = v))}
        error={errors['crisis_plan.warning_signs']}
        rows={2}
      />
      <TextAreaField
        label="What helps (coping steps)"
        value={crisis.coping_steps}
        onValueChange={(v) => edit((d) => void (d.crisis_plan.coping_steps = v))}
        error={errors['crisis_plan.coping_steps']}
        rows={2}
      />
      <TextField
        label="Crisis line"
        value={crisis.crisis_line}
        onValueChange={(v) => edit((d) => void (d.crisis_plan.crisis_line = v))}
        error={errors['crisis_plan.crisis_line']}
        autoComplete="off"
      />
      {crisis.contacts.map((c, i) => (
        <fieldset key={i} className="plan-item">
          <legend>Crisis contact {i + 1}</legend>
          <div className="form-grid">
            <TextField
              label="Name"
              value={c.name}
              onValueChange={(v) => edit((d) => void (d.crisis_plan.contacts[i]!.name = v))}
              autoComplete="off"
            />
            <TextField
              label="Phone"
              type="tel"
              value={c.phone}
              onValueChange={(v) => edit((d) => void (d.crisis_plan.contacts[i]!.phone = v))}
              autoComplete="off"
            />
            <TextField
              label="Role"
              value={c.role}
              onValueChange={(v) => edit((d) => void (d.crisis_plan.contacts[i]!.role = v))}
              autoComplete="off"
            />
          </div>
          <RemoveButton
            label={`Remove crisis contact ${i + 1}`}
            onClick={() => edit((d) => void d.crisis_plan.contacts.splice(i, 1))}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          edit((d) => void d.crisis_plan.contacts.push({ name: '', phone: '', role: '' }))
        }
      >
        Add crisis contact
      </button>
    </fieldset>
  );
}

export function MedicalSummarySection({ draft, edit }: SectionProps) {
  const m = draft.medical_summary;
  return (
    <fieldset className="form-section">
      <legend>Medical summary</legend>
      <TextListEditor
        legend="Diagnoses"
        noun="Diagnosis"
        values={m.diagnoses}
        onChange={(v) => edit((d) => void (d.medical_summary.diagnoses = v))}
      />
      <TextListEditor
        legend="Medications"
        noun="Medication"
        values={m.medications}
        onChange={(v) => edit((d) => void (d.medical_summary.medications = v))}
      />
      <TextListEditor
        legend="Allergies"
        noun="Allergy"
        values={m.allergies}
        onChange={(v) => edit((d) => void (d.medical_summary.allergies = v))}
      />
      <TextListEditor
        legend="Providers"
        noun="Provider"
        values={m.providers}
        onChange={(v) => edit((d) => void (d.medical_summary.providers = v))}
      />
    </fieldset>
  );
}

export function TransitionPlanSection({ draft, edit, errors }: SectionProps) {
  return (
    <fieldset className="form-section">
      <legend>Transition to community supports</legend>
      {draft.transition_plan.map((t, i) => (
        <fieldset key={i} className="plan-item">
          <legend>Step {i + 1}</legend>
          <div className="form-grid">
            <TextField
              label="Step"
              value={t.step}
              onValueChange={(v) => edit((d) => void (d.transition_plan[i]!.step = v))}
              autoComplete="off"
            />
            <TextField
              label="Target date"
              type="date"
              value={t.target_date}
              onValueChange={(v) => edit((d) => void (d.transition_plan[i]!.target_date = v))}
              error={errors[`transition_plan[${i}].target_date`]}
            />
          </div>
          <CheckboxField
            label="Done"
            checked={t.done}
            onCheckedChange={(v) => edit((d) => void (d.transition_plan[i]!.done = v))}
          />
          <RemoveButton
            label={`Remove step ${i + 1}`}
            onClick={() => edit((d) => void d.transition_plan.splice(i, 1))}
          />
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() =>
          edit((d) => void d.transition_plan.push({ step: '', target_date: '', done: false }))
        }
      >
        Add step
      </button>
    </fieldset>
  );
}

export function AgreementSection({ draft, edit, errors }: SectionProps) {
  const a = draft.agreement;
  return (
    <fieldset className="form-section">
      <legend>Agreement</legend>
      <p className="field-hint">
        How the participant (or guardian) agreed to this plan. A decline counts as asked; say why
        in their words.
      </p>
      <div className="form-grid">
        <SelectField
          label="How they agreed"
          value={a.method}
          options={planOptions(kAgreementMethods, 'Not yet recorded')}
          onValueChange={(v) => edit((d) => void (d.agreement.method = v as typeof a.method))}
          error={errors['agreement.method']}
        />
        <TextField
          label="Agreement date"
          type="date"
          value={a.date}
          onValueChange={(v) => edit((d) => void (d.agreement.date = v))}
          error={errors['agreement.date']}
        />
        <SelectField
          label="Agreed by"
          value={a.signer}
          options={planOptions(kAgreementSigners, 'Choose…')}
          onValueChange={(v) => edit((d) => void (d.agreement.signer = v as typeof a.signer))}
          error={errors['agreement.signer']}
        />
        <TextField
          label="Signer's name"
          value={a.signer_name}
          onValueChange={(v) => edit((d) => void (d.agreement.signer_name = v))}
          error={errors['agreement.signer_name']}
          autoComplete="off"
        />
      </div>
      <TextAreaField
        label="Agreement note"
        value={a.note}
        onValueChange={(v) => edit((d) => void (d.agreement.note = v))}
        error={errors['agreement.note']}
        hint="Required when they declined."
        rows={2}
      />
    </fieldset>
  );
}

export function ListsSection({ draft, edit }: SectionProps) {
  return (
    <>
      <TextListEditor
        legend="Strengths"
        noun="Strength"
        values={draft.strengths}
        onChange={(v) => edit((d) => void (d.strengths = v))}
      />
      <TextListEditor
        legend="Barriers"
        noun="Barrier"
        values={draft.barriers}
        onChange={(v) => edit((d) => void (d.barriers = v))}
      />
      <TextListEditor
        legend="Community resources"
        noun="Resource"
        values={draft.resources}
        onChange={(v) => edit((d) => void (d.resources = v))}
      />
    </>
  );
}
