// SPDX-License-Identifier: Apache-2.0
// The care plan's family copy (docs/assessments.md "Family copy"; 001 §4, 002 "a written care
// plan"): a plain-language page in the participant's language (English or Spanish, ?lang= to
// choose) with the goals in their own words, who does what, supports, the crisis plan, the
// medical summary, the next steps and the agreement with lines to sign. It is shown without the
// app's navigation and prints cleanly (styles/print.css).
import { messageFor } from '../../api/api_error';
import { getCarePlan, type CarePlan } from '../../api/care_plans';
import { getParticipant } from '../../api/participant_endpoints';
import type { Participant } from '../../api/participants';
import { Link } from '../../components/Link';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { useLoader } from '../../hooks/use_loader';
import { useSearch } from '../../routing/router';
import { chartPath } from '../../routing/routes';
import { carePlanPrintPath, familyLanguage, type FamilyLanguage } from './family_copy_path';
import { familyDate, kFamilyCopyText, type FamilyCopyText } from './family_copy_text';

export function FamilyCopyPage(props: { participantId: string; planId: string }) {
  const { participantId, planId } = props;
  const loader = useLoader(
    async () =>
      [await getParticipant(participantId), await getCarePlan(participantId, planId)] as const,
    `${participantId}:${planId}`,
  );
  // Re-rendered when ?lang= changes through the language link.
  const search = useSearch();
  const state = loader.state;
  if (state.status === 'loading') return <LiveStatus>Loading the care plan…</LiveStatus>;
  if (state.status === 'failed') {
    return (
      <>
        <PageHeading title="Care plan" />
        <ErrorMessage>The care plan could not be loaded. {messageFor(state.error)}</ErrorMessage>
      </>
    );
  }
  const [participant, plan] = state.data;
  const lang = familyLanguage(search, participant.preferred_language);
  return <FamilyCopy participant={participant} plan={plan} lang={lang} />;
}

function List({ values, t }: { values: readonly string[]; t: FamilyCopyText }) {
  if (values.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <ul>
      {values.map((v, i) => (
        <li key={i}>{v}</li>
      ))}
    </ul>
  );
}

const unitOf = (unit: string) => (unit ? ` ${unit}` : '');

function SignatureLine({ label, t }: { label: string; t: FamilyCopyText }) {
  return (
    <div className="signature-line">
      <span className="signature-space" aria-hidden="true" />
      <span>{label}</span>
      <span className="signature-date">{t.date}:</span>
    </div>
  );
}

function FamilyCopy(props: { participant: Participant; plan: CarePlan; lang: FamilyLanguage }) {
  const { participant: p, plan, lang } = props;
  const t = kFamilyCopyText[lang];
  const d = plan.document;
  const date = (s: string) => familyDate(s, lang);
  const name = `${p.preferred_name || p.given_name} ${p.family_name}`;
  const goalOf = (id: string) => d.goals.find((g) => g.id === id)?.statement ?? '';
  const a = d.agreement;
  const agreed =
    a.method === 'verbal'
      ? t.agreedVerbal
      : a.method === 'signature'
        ? t.agreedSignature
        : a.method === 'declined'
          ? t.declined
          : '';
  const switchTo: FamilyLanguage = lang === 'es' ? 'en' : 'es';

  return (
    <div className="family-copy" lang={lang}>
      <nav className="family-copy-toolbar no-print" aria-label={t.otherLanguage}>
        <Link to={chartPath(p.id, 'care-plan')}>{t.back}</Link>
        <Link to={carePlanPrintPath(p.id, plan.id, switchTo)}>
          {kFamilyCopyText[switchTo].languageName}
        </Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t.print}
        </button>
      </nav>
      <article className="family-copy-page">
        <PageHeading title={`${t.pageTitle} – ${name}`}>{t.heading}</PageHeading>
        <p className="family-copy-meta">
          {t.planFor} <strong>{name}</strong> · {t.updated} {date(plan.updated_at.slice(0, 10))}
        </p>
        <p>{t.intro}</p>

        <section aria-labelledby="fc-goals">
          <h2 id="fc-goals">{t.goals}</h2>
          {d.goals.length === 0 ? (
            <p className="muted">{t.noGoals}</p>
          ) : (
            <ol className="family-goals">
              {d.goals.map((g) => (
                <li key={g.id}>
                  <p className="family-goal-statement">“{g.statement}”</p>
                  <p>
                    {t.howWeKnow}: {g.indicator}
                    {g.baseline !== null && ` — ${t.now} ${g.baseline}${unitOf(g.unit)}`}
                    {g.target !== null && `, ${t.aimFor} ${g.target}${unitOf(g.unit)}`}
                    {g.target_date && ` ${t.by} ${date(g.target_date)}`}. ({t.goalStatus[g.status]})
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="fc-who">
          <h2 id="fc-who">{t.whoDoesWhat}</h2>
          {d.interventions.length === 0 ? (
            <p className="muted">{t.nothingPlanned}</p>
          ) : (
            <table className="family-table">
              <tbody>
                {d.interventions.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      {v.responsible ? t.responsible[v.responsible] : ''}
                      {v.responsible_name ? ` (${v.responsible_name})` : ''}
                    </th>
                    <td>
                      {v.action}
                      {v.frequency && (
                        <>
                          <br />
                          {t.howOften}: {v.frequency}
                        </>
                      )}
                      {v.due_date && (
                        <>
                          <br />
                          {t.dueBy}: {date(v.due_date)}
                        </>
                      )}
                      {v.goal_id && goalOf(v.goal_id) && (
                        <>
                          <br />
                          {t.forGoal}: “{goalOf(v.goal_id)}”
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="fc-strengths">
          <h2 id="fc-strengths">{t.strengths}</h2>
          <List values={d.strengths} t={t} />
        </section>

        <section aria-labelledby="fc-supports">
          <h2 id="fc-supports">{t.supports}</h2>
          <List
            values={d.natural_supports.map((s) =>
              [s.name, s.relationship, s.role, s.phone].filter(Boolean).join(' · '),
            )}
            t={t}
          />
          <h3>{t.resources}</h3>
          <List values={d.resources} t={t} />
        </section>

        <section aria-labelledby="fc-crisis" className="family-crisis">
          <h2 id="fc-crisis">{t.crisis}</h2>
          <p className="family-crisis-line">
            <strong>{t.crisisLine}:</strong> {t.crisisLineText}{' '}
            <strong>{d.crisis_plan.crisis_line || '988'}</strong>
          </p>
          <p>
            <strong>{t.emergency}</strong>
          </p>
          <h3>{t.warningSigns}</h3>
          <p>{d.crisis_plan.warning_signs || t.none}</p>
          <h3>{t.whatHelps}</h3>
          <p>{d.crisis_plan.coping_steps || t.none}</p>
          <h3>{t.whoToCall}</h3>
          <List
            values={d.crisis_plan.contacts.map((c) =>
              [c.name, c.role, c.phone].filter(Boolean).join(' · '),
            )}
            t={t}
          />
        </section>

        <section aria-labelledby="fc-medical">
          <h2 id="fc-medical">{t.medical}</h2>
          <h3>{t.diagnoses}</h3>
          <List values={d.medical_summary.diagnoses} t={t} />
          <h3>{t.medications}</h3>
          <List values={d.medical_summary.medications} t={t} />
          <h3>{t.allergies}</h3>
          <List values={d.medical_summary.allergies} t={t} />
          <h3>{t.providers}</h3>
          <List values={d.medical_summary.providers} t={t} />
        </section>

        <section aria-labelledby="fc-next">
          <h2 id="fc-next">{t.nextSteps}</h2>
          <List
            values={d.transition_plan.map(
              (s) =>
                `${s.step}${s.target_date ? ` (${t.by} ${date(s.target_date)})` : ''}${
                  s.done ? ` — ${t.done}` : ''
                }`,
            )}
            t={t}
          />
        </section>

        <section aria-labelledby="fc-agreement" className="family-agreement">
          <h2 id="fc-agreement">{t.agreement}</h2>
          <p>
            {agreed ? `${agreed} ${date(a.date)}.` : t.notYetAgreed}
            {a.note && ` “${a.note}”`}
          </p>
          {d.review_date && (
            <p>
              {t.nextReview} {date(d.review_date)}.
            </p>
          )}
          <SignatureLine label={t.participantSignature} t={t} />
          <SignatureLine label={t.guardianSignature} t={t} />
          <SignatureLine label={t.coordinatorSignature} t={t} />
        </section>
      </article>
    </div>
  );
}
