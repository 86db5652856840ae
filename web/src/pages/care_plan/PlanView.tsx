// SPDX-License-Identifier: Apache-2.0
// A care plan document read-only, section by section: the current version on the chart, or any
// earlier one from the version history.
import type { ReactNode } from 'react';
import type { CarePlanDocument } from '../../api/care_plans';
import { formatDate } from '../../format';
import { planLabel } from './plan_labels';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="plan-section">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

function Texts({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <ul>
      {values.map((v, i) => (
        <li key={i}>{v}</li>
      ))}
    </ul>
  );
}

function numberOr(value: number | null, unit: string): string {
  return value === null ? '—' : `${value}${unit ? ` ${unit}` : ''}`;
}

export function PlanView({ document: d }: { document: CarePlanDocument }) {
  const goalOf = (id: string) => d.goals.find((g) => g.id === id)?.statement ?? '';
  const a = d.agreement;
  const m = d.medical_summary;
  return (
    <div className="plan-view">
      <Section title="Needs">
        <Texts values={d.needs.map((n) => n.description)} />
      </Section>
      <Section title="Strengths">
        <Texts values={d.strengths} />
      </Section>
      <Section title="Goals">
        {d.goals.length === 0 ? (
          <p className="muted">No goals yet.</p>
        ) : (
          <ul className="plan-goals">
            {d.goals.map((g) => (
              <li key={g.id}>
                <q>{g.statement}</q>{' '}
                <span className="muted">({planLabel(g.expressed_by)})</span>{' '}
                <span className="badge badge-info">{planLabel(g.status)}</span>
                <br />
                {g.indicator}: {numberOr(g.baseline, g.unit)} now →{' '}
                {numberOr(g.target, g.unit)} by{' '}
                {formatDate(g.target_date)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Who does what">
        {d.interventions.length === 0 ? (
          <p className="muted">Nothing planned yet.</p>
        ) : (
          <ul>
            {d.interventions.map((v) => (
              <li key={v.id}>
                {v.action} — {planLabel(v.responsible)}
                {v.responsible_name ? ` (${v.responsible_name})` : ''}
                {v.frequency ? `, ${v.frequency}` : ''}
                {v.due_date ? `, by ${formatDate(v.due_date)}` : ''}{' '}
                <span className="badge badge-info">{planLabel(v.status)}</span>
                {v.goal_id && <span className="muted"> · for “{goalOf(v.goal_id)}”</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Barriers">
        <Texts values={d.barriers} />
      </Section>
      <Section title="Natural supports">
        <Texts
          values={d.natural_supports.map((s) =>
            [s.name, s.relationship, s.role, s.phone].filter(Boolean).join(' · '),
          )}
        />
      </Section>
      <Section title="Community resources">
        <Texts values={d.resources} />
      </Section>
      <Section title="Crisis plan">
        <dl className="facts facts-compact">
          <dt>Warning signs</dt>
          <dd>{d.crisis_plan.warning_signs || '—'}</dd>
          <dt>What helps</dt>
          <dd>{d.crisis_plan.coping_steps || '—'}</dd>
          <dt>Crisis line</dt>
          <dd>{d.crisis_plan.crisis_line || '—'}</dd>
          <dt>Contacts</dt>
          <dd>
            {d.crisis_plan.contacts.length === 0
              ? '—'
              : d.crisis_plan.contacts
                  .map((c) => [c.name, c.role, c.phone].filter(Boolean).join(', '))
                  .join('; ')}
          </dd>
        </dl>
      </Section>
      <Section title="Medical summary">
        <dl className="facts facts-compact">
          <dt>Diagnoses</dt>
          <dd>{m.diagnoses.join('; ') || '—'}</dd>
          <dt>Medications</dt>
          <dd>{m.medications.join('; ') || '—'}</dd>
          <dt>Allergies</dt>
          <dd>{m.allergies.join('; ') || '—'}</dd>
          <dt>Providers</dt>
          <dd>{m.providers.join('; ') || '—'}</dd>
        </dl>
      </Section>
      <Section title="Transition to community supports">
        <Texts
          values={d.transition_plan.map(
            (t) =>
              `${t.done ? '✓ ' : ''}${t.step}` +
              (t.target_date ? ` (by ${formatDate(t.target_date)})` : ''),
          )}
        />
      </Section>
      <Section title="Agreement">
        <p>
          {a.method === ''
            ? 'Not yet recorded.'
            : `${planLabel(a.method)} by the ${planLabel(a.signer).toLowerCase()}${
                a.signer_name ? ` (${a.signer_name})` : ''
              } on ${formatDate(a.date)}${a.note ? ` — ${a.note}` : ''}`}
        </p>
      </Section>
      <Section title="Next review">
        <p>{formatDate(d.review_date) || '—'}</p>
      </Section>
    </div>
  );
}
