// SPDX-License-Identifier: Apache-2.0
// What differs between two care plan documents, one sentence per change, in section order —
// the conflict view's "what they saved" and "what you typed". The server words the changes
// between stored versions itself (DescribeChanges); this covers an editor's unsaved edits.
import type { CarePlanDocument } from '../../api/care_plans';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function text(v: unknown): string {
  return typeof v === 'string' ? v : Object.values(v as object).filter(Boolean).join(', ');
}

function listChanges(
  what: string,
  before: readonly unknown[],
  after: readonly unknown[],
): string[] {
  const b = new Set(before.map((v) => JSON.stringify(v)));
  const a = new Set(after.map((v) => JSON.stringify(v)));
  return [
    ...after.filter((v) => !b.has(JSON.stringify(v))).map((v) => `${what} added: “${text(v)}”`),
    ...before
      .filter((v) => !a.has(JSON.stringify(v)))
      .map((v) => `${what} removed: “${text(v)}”`),
  ];
}

function byId<T extends { id: string }>(
  what: string,
  before: readonly T[],
  after: readonly T[],
  name: (item: T) => string,
): string[] {
  const out: string[] = [];
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  for (const item of after) {
    const prior = old.get(item.id);
    if (prior === undefined) {
      out.push(`${what} added: “${name(item)}”`);
      continue;
    }
    for (const key of Object.keys(item) as (keyof T)[]) {
      if (key === 'id' || same(prior[key], item[key])) continue;
      const shown = (v: unknown) =>
        v === null || v === '' ? '(none)' : Array.isArray(v) ? `${v.length} linked` : String(v);
      const field = String(key).replaceAll('_', ' ');
      const change = `${shown(prior[key])} → ${shown(item[key])}`;
      out.push(`${what} “${name(prior)}”: ${field} ${change}`);
    }
  }
  for (const item of before) {
    if (!now.has(item.id)) out.push(`${what} removed: “${name(item)}”`);
  }
  return out;
}

function field(what: string, before: string, after: string): string[] {
  if (before === after) return [];
  return [`${what}: ${before || '(none)'} → ${after || '(none)'}`];
}

export function describeChanges(before: CarePlanDocument, after: CarePlanDocument): string[] {
  const bm = before.medical_summary;
  const am = after.medical_summary;
  const ba = before.agreement;
  const aa = after.agreement;
  return [
    ...byId('Need', before.needs, after.needs, (n) => n.description),
    ...listChanges('Strength', before.strengths, after.strengths),
    ...byId('Goal', before.goals, after.goals, (g) => g.statement),
    ...byId('Intervention', before.interventions, after.interventions, (i) => i.action),
    ...listChanges('Barrier', before.barriers, after.barriers),
    ...listChanges('Natural support', before.natural_supports, after.natural_supports),
    ...listChanges('Resource', before.resources, after.resources),
    ...field('Warning signs', before.crisis_plan.warning_signs, after.crisis_plan.warning_signs),
    ...field('Coping steps', before.crisis_plan.coping_steps, after.crisis_plan.coping_steps),
    ...listChanges('Crisis contact', before.crisis_plan.contacts, after.crisis_plan.contacts),
    ...field('Crisis line', before.crisis_plan.crisis_line, after.crisis_plan.crisis_line),
    ...listChanges('Diagnosis', bm.diagnoses, am.diagnoses),
    ...listChanges('Medication', bm.medications, am.medications),
    ...listChanges('Allergy', bm.allergies, am.allergies),
    ...listChanges('Provider', bm.providers, am.providers),
    ...listChanges('Transition step', before.transition_plan, after.transition_plan),
    ...field('Agreement method', ba.method, aa.method),
    ...field('Agreement date', ba.date, aa.date),
    ...field('Agreed by', ba.signer, aa.signer),
    ...field('Signer name', ba.signer_name, aa.signer_name),
    ...field('Agreement note', ba.note, aa.note),
    ...field('Review date', before.review_date, after.review_date),
  ];
}
