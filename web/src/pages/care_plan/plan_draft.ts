// SPDX-License-Identifier: Apache-2.0
// The care plan editor's state and checks (docs/assessments.md "Care plan document"). The draft
// is the document with the goals' numbers as typed text; new needs, goals and interventions get
// their id here, so an intervention can name a goal, and a goal a need, before the first save
// (the server keeps ids it is sent, and items keep them across versions).
import {
  type CarePlanDocument,
  type CarePlanGoal,
  type CarePlanIntervention,
  type CarePlanNeed,
  type GoalVoice,
  type ResponsibleParty,
} from '../../api/care_plans';
import { newIdempotencyKey } from '../../api/paths';
import { isCalendarDate, today } from '../../format';

/** '' while the form has no choice yet; validatePlan asks for one before a save. */
export type GoalDraft = Omit<CarePlanGoal, 'baseline' | 'target' | 'expressed_by'> & {
  baseline: string;
  target: string;
  expressed_by: GoalVoice | '';
};

export type InterventionDraft = Omit<CarePlanIntervention, 'responsible'> & {
  responsible: ResponsibleParty | '';
};

export type PlanDraft = Omit<CarePlanDocument, 'goals' | 'interventions'> & {
  goals: GoalDraft[];
  interventions: InterventionDraft[];
};

export function newItemId(): string {
  return newIdempotencyKey();
}

export function emptyDocument(): CarePlanDocument {
  return {
    needs: [],
    strengths: [],
    goals: [],
    interventions: [],
    barriers: [],
    natural_supports: [],
    resources: [],
    crisis_plan: { warning_signs: '', coping_steps: '', contacts: [], crisis_line: '988' },
    medical_summary: { diagnoses: [], medications: [], allergies: [], providers: [] },
    transition_plan: [],
    agreement: { method: '', date: '', signer: '', signer_name: '', note: '' },
    review_date: '',
  };
}

export function newNeed(description = '', assessmentIds: string[] = []): CarePlanNeed {
  return { id: newItemId(), description, assessment_ids: assessmentIds };
}

export function newGoal(): GoalDraft {
  return {
    id: newItemId(),
    statement: '',
    expressed_by: 'participant',
    need_ids: [],
    indicator: '',
    unit: '',
    baseline: '',
    target: '',
    target_date: '',
    status: 'active',
  };
}

export function newIntervention(goalId = ''): InterventionDraft {
  return {
    id: newItemId(),
    goal_id: goalId,
    action: '',
    responsible: '',
    responsible_name: '',
    frequency: '',
    due_date: '',
    status: 'planned',
  };
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

function textNumber(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

export function toDraft(document: CarePlanDocument): PlanDraft {
  return {
    ...structuredClone(document),
    goals: document.goals.map((g) => ({
      ...g,
      need_ids: [...g.need_ids],
      baseline: numberText(g.baseline),
      target: numberText(g.target),
    })),
  };
}

const trimList = (list: readonly string[]) => list.map((s) => s.trim()).filter(Boolean);

/**
 * The document to send: texts trimmed, blank list entries dropped. Only a draft validatePlan
 * passed is sent, so the choices are made (the server refuses an empty one anyway).
 */
export function toDocument(draft: PlanDraft): CarePlanDocument {
  return {
    needs: draft.needs.map((n) => ({ ...n, description: n.description.trim() })),
    strengths: trimList(draft.strengths),
    goals: draft.goals.map((g) => ({
      ...g,
      statement: g.statement.trim(),
      expressed_by: g.expressed_by as GoalVoice,
      indicator: g.indicator.trim(),
      unit: g.unit.trim(),
      baseline: textNumber(g.baseline),
      target: textNumber(g.target),
    })),
    interventions: draft.interventions.map((i) => ({
      ...i,
      action: i.action.trim(),
      responsible: i.responsible as ResponsibleParty,
      responsible_name: i.responsible_name.trim(),
      frequency: i.frequency.trim(),
    })),
    barriers: trimList(draft.barriers),
    natural_supports: draft.natural_supports
      .map((s) => ({
        name: s.name.trim(),
        relationship: s.relationship.trim(),
        role: s.role.trim(),
        phone: s.phone.trim(),
      }))
      .filter((s) => s.name || s.relationship || s.role || s.phone),
    resources: trimList(draft.resources),
    crisis_plan: {
      warning_signs: draft.crisis_plan.warning_signs.trim(),
      coping_steps: draft.crisis_plan.coping_steps.trim(),
      contacts: draft.crisis_plan.contacts
        .map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), role: c.role.trim() }))
        .filter((c) => c.name || c.phone || c.role),
      crisis_line: draft.crisis_plan.crisis_line.trim(),
    },
    medical_summary: {
      diagnoses: trimList(draft.medical_summary.diagnoses),
      medications: trimList(draft.medical_summary.medications),
      allergies: trimList(draft.medical_summary.allergies),
      providers: trimList(draft.medical_summary.providers),
    },
    transition_plan: draft.transition_plan
      .map((t) => ({ ...t, step: t.step.trim() }))
      .filter((t) => t.step !== ''),
    agreement: {
      ...draft.agreement,
      signer_name: draft.agreement.signer_name.trim(),
      note: draft.agreement.note.trim(),
    },
    review_date: draft.review_date,
  };
}

/** Field path as the server names it ("goals[0].target_date") → message. */
export type PlanErrors = Partial<Record<string, string>>;

function checkDate(errors: PlanErrors, path: string, value: string, required: boolean) {
  if (value === '') {
    if (required) errors[path] = 'Enter the date.';
  } else if (!isCalendarDate(value)) {
    errors[path] = 'Enter a real date.';
  }
}

/**
 * The editor's own checks, the same the server makes (ValidateCarePlan): what is required, real
 * dates, an agreement not dated in the future, a note with a decline.
 */
export function validatePlan(draft: PlanDraft, now = new Date()): PlanErrors {
  const errors: PlanErrors = {};
  draft.needs.forEach((n, i) => {
    if (n.description.trim() === '') errors[`needs[${i}].description`] = 'Describe the need.';
  });
  draft.goals.forEach((g, i) => {
    const at = `goals[${i}]`;
    if (g.statement.trim() === '') errors[`${at}.statement`] = 'Write the goal in their words.';
    if (g.expressed_by === '') errors[`${at}.expressed_by`] = 'Say whose goal it is.';
    if (g.indicator.trim() === '') errors[`${at}.indicator`] = 'Say how progress is measured.';
    if (g.baseline.trim() !== '' && textNumber(g.baseline) === null) {
      errors[`${at}.baseline`] = 'Enter a number.';
    }
    if (g.target.trim() !== '' && textNumber(g.target) === null) {
      errors[`${at}.target`] = 'Enter a number.';
    }
    checkDate(errors, `${at}.target_date`, g.target_date, true);
  });
  draft.interventions.forEach((v, i) => {
    const at = `interventions[${i}]`;
    if (v.action.trim() === '') errors[`${at}.action`] = 'Say what will be done.';
    if (v.responsible === '') errors[`${at}.responsible`] = 'Say who does it.';
    checkDate(errors, `${at}.due_date`, v.due_date, false);
  });
  draft.transition_plan.forEach((t, i) => {
    checkDate(errors, `transition_plan[${i}].target_date`, t.target_date, false);
  });
  const a = draft.agreement;
  if (a.method !== '') {
    checkDate(errors, 'agreement.date', a.date, true);
    if (!errors['agreement.date'] && a.date > today(now)) {
      errors['agreement.date'] = 'The agreement cannot be dated in the future.';
    }
    if (a.signer === '') errors['agreement.signer'] = 'Say who agreed.';
    if (a.method === 'declined' && a.note.trim() === '') {
      errors['agreement.note'] = 'Write why they declined, in their words.';
    }
  }
  checkDate(errors, 'review_date', draft.review_date, true);
  return errors;
}
