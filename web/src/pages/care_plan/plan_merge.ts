// SPDX-License-Identifier: Apache-2.0
// Putting this editor's edits on top of a version someone else saved meanwhile (docs/assessments.md
// "Care plans": on 412 the web shows both and lets the user re-apply their edit). A three-way
// merge from the version the editor started from (`base`): what this editor changed replaces
// theirs, what only they changed stays. Needs, goals and interventions are matched by id and
// merged field by field; lists of text or of people as sets of entries. Where both changed the
// same thing differently, this editor's value wins — and `conflicts` names it, so the user sees
// it before choosing.
import type { CarePlanDocument } from '../../api/care_plans';

export interface MergeResult {
  document: CarePlanDocument;
  /** Plain words for each place both sides changed differently (this editor's value kept). */
  conflicts: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeValue<T>(base: T, theirs: T, mine: T, what: string, conflicts: string[]): T {
  if (same(mine, base)) return theirs;
  if (!same(theirs, base) && !same(theirs, mine)) conflicts.push(what);
  return mine;
}

function mergeRecord<T extends object>(
  base: T | undefined,
  theirs: T,
  mine: T,
  what: string,
  conflicts: string[],
): T {
  if (base === undefined) return mine;
  const out = { ...theirs };
  for (const key of Object.keys(mine) as (keyof T)[]) {
    out[key] = mergeValue(base[key], theirs[key], mine[key], `${what}: ${String(key)}`, conflicts);
  }
  return out;
}

/** Entries compared by value: theirs, less what this editor removed, plus what it added. */
function mergeSet<T>(base: readonly T[], theirs: readonly T[], mine: readonly T[]): T[] {
  const key = (v: T) => JSON.stringify(v);
  const baseKeys = new Set(base.map(key));
  const mineKeys = new Set(mine.map(key));
  const removed = new Set([...baseKeys].filter((k) => !mineKeys.has(k)));
  const out = theirs.filter((v) => !removed.has(key(v)));
  const have = new Set(out.map(key));
  for (const v of mine) {
    if (!baseKeys.has(key(v)) && !have.has(key(v))) {
      out.push(v);
      have.add(key(v));
    }
  }
  return out;
}

function mergeById<T extends { id: string }>(
  base: readonly T[],
  theirs: readonly T[],
  mine: readonly T[],
  name: (item: T) => string,
  conflicts: string[],
): T[] {
  const baseById = new Map(base.map((x) => [x.id, x]));
  const mineById = new Map(mine.map((x) => [x.id, x]));
  const out: T[] = [];
  for (const t of theirs) {
    const b = baseById.get(t.id);
    const m = mineById.get(t.id);
    if (b !== undefined && m === undefined) {
      // Removed here; if they changed it meanwhile, say so (it is still removed).
      if (!same(b, t)) conflicts.push(`${name(t)}: removed here, changed by them`);
      continue;
    }
    out.push(m === undefined ? t : mergeRecord(b, t, m, name(m), conflicts));
  }
  const theirIds = new Set(theirs.map((x) => x.id));
  for (const m of mine) {
    if (!theirIds.has(m.id) && !baseById.has(m.id)) out.push(m);
    else if (!theirIds.has(m.id) && !same(baseById.get(m.id), m)) {
      conflicts.push(`${name(m)}: removed by them, changed here (kept)`);
      out.push(m);
    }
  }
  return out;
}

export function mergePlans(
  base: CarePlanDocument,
  theirs: CarePlanDocument,
  mine: CarePlanDocument,
): MergeResult {
  const c: string[] = [];
  const document: CarePlanDocument = {
    needs: mergeById(base.needs, theirs.needs, mine.needs, (n) => `Need “${n.description}”`, c),
    strengths: mergeSet(base.strengths, theirs.strengths, mine.strengths),
    goals: mergeById(base.goals, theirs.goals, mine.goals, (g) => `Goal “${g.statement}”`, c),
    interventions: mergeById(
      base.interventions,
      theirs.interventions,
      mine.interventions,
      (i) => `Intervention “${i.action}”`,
      c,
    ),
    barriers: mergeSet(base.barriers, theirs.barriers, mine.barriers),
    natural_supports: mergeSet(
      base.natural_supports,
      theirs.natural_supports,
      mine.natural_supports,
    ),
    resources: mergeSet(base.resources, theirs.resources, mine.resources),
    crisis_plan: {
      warning_signs: mergeValue(
        base.crisis_plan.warning_signs,
        theirs.crisis_plan.warning_signs,
        mine.crisis_plan.warning_signs,
        'Crisis plan: warning signs',
        c,
      ),
      coping_steps: mergeValue(
        base.crisis_plan.coping_steps,
        theirs.crisis_plan.coping_steps,
        mine.crisis_plan.coping_steps,
        'Crisis plan: coping steps',
        c,
      ),
      contacts: mergeSet(
        base.crisis_plan.contacts,
        theirs.crisis_plan.contacts,
        mine.crisis_plan.contacts,
      ),
      crisis_line: mergeValue(
        base.crisis_plan.crisis_line,
        theirs.crisis_plan.crisis_line,
        mine.crisis_plan.crisis_line,
        'Crisis line',
        c,
      ),
    },
    medical_summary: {
      diagnoses: mergeSet(
        base.medical_summary.diagnoses,
        theirs.medical_summary.diagnoses,
        mine.medical_summary.diagnoses,
      ),
      medications: mergeSet(
        base.medical_summary.medications,
        theirs.medical_summary.medications,
        mine.medical_summary.medications,
      ),
      allergies: mergeSet(
        base.medical_summary.allergies,
        theirs.medical_summary.allergies,
        mine.medical_summary.allergies,
      ),
      providers: mergeSet(
        base.medical_summary.providers,
        theirs.medical_summary.providers,
        mine.medical_summary.providers,
      ),
    },
    transition_plan: mergeSet(base.transition_plan, theirs.transition_plan, mine.transition_plan),
    agreement: mergeRecord(base.agreement, theirs.agreement, mine.agreement, 'Agreement', c),
    review_date: mergeValue(
      base.review_date,
      theirs.review_date,
      mine.review_date,
      'Review date',
      c,
    ),
  };
  return { document, conflicts: c };
}
