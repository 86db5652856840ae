// SPDX-License-Identifier: Apache-2.0
// The participant's risk tier on the chart header (docs/assessments.md "Risk tiers"; 002: "the
// level of care coordination ... is determined by a stratification model"). The tier is named
// in words, never by colour alone; its reasons show on hover and focus and in a list the user
// can open; an override says who set it and why. Supervisors of the deciding program may set
// the tier aside with a reason, and clear that again.
import { useId, useState } from 'react';
import { messageFor } from '../api/api_error';
import { getRiskTier, overrideRiskTier, type RiskTier } from '../api/assessments';
import { useLoader } from '../hooks/use_loader';
import { can } from '../permissions';
import { useMe } from '../session/session_context';
import { formatDateTime } from '../format';
import { SelectField, TextAreaField } from './Fields';
import { FormActions } from './FormActions';
import { useFormSubmit } from './use_form_submit';

interface Props {
  participantId: string;
  /** Changes whenever something that may move the tier was saved (an assessment). */
  refreshKey: number;
}

export function TierBadge({ participantId, refreshKey }: Props) {
  const loader = useLoader(() => getRiskTier(participantId), `${participantId}:${refreshKey}`);
  const me = useMe();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<'none' | 'override' | 'clear'>('none');
  const state = loader.state;

  if (state.status === 'loading') {
    return <p className="tier muted">Risk tier: loading…</p>;
  }
  if (state.status === 'failed') {
    return <p className="tier muted">Risk tier: not available ({messageFor(state.error)})</p>;
  }
  const tier = state.data;
  const mayOverride = can(me, 'risk_tier.override', tier.program_id);
  const reasons = tier.reasons;
  const reasonCount = reasons.length === 1 ? '1 reason' : `${reasons.length} reasons`;

  return (
    <div className="tier" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="fact-label">
        Risk tier
      </span>{' '}
      <span className="tier-anchor">
        <button
          type="button"
          className={`badge badge-tier badge-tier-${tier.tier}`}
          aria-expanded={open}
          aria-controls={`${id}-reasons`}
          aria-describedby={`${id}-tip`}
          onClick={() => setOpen((v) => !v)}
        >
          {tier.title}
          {tier.override ? ' (overridden)' : ''}
          <span className="visually-hidden">, show the reasons</span>
        </button>
        <span id={`${id}-tip`} role="tooltip" className="tier-tooltip">
          {reasons.length > 0
            ? reasons.map((r) => r.text).join('; ')
            : 'No condition of a higher tier holds.'}
        </span>
      </span>
      {tier.override && (
        <p className="tier-override">
          Overridden by {tier.override.set_by_name}: {tier.override.reason}{' '}
          <span className="muted">
            ({formatDateTime(tier.override.set_at)}; computed tier {tier.computed_title})
          </span>
        </p>
      )}
      <div id={`${id}-reasons`} hidden={!open} className="tier-reasons">
        <p className="muted">
          {tier.override ? `Computed tier ${tier.computed_title}: ` : 'Why: '}
          {reasons.length === 0 ? 'no condition of a higher tier holds.' : reasonCount}
        </p>
        {reasons.length > 0 && (
          <ul aria-label="Reasons for the risk tier">
            {reasons.map((r, i) => (
              <li key={`${r.source_id}-${i}`}>{r.text}</li>
            ))}
          </ul>
        )}
        {tier.schedule && (
          <p className="muted">
            Contacts per week in this tier: {tier.schedule.min_per_week} to{' '}
            {tier.schedule.max_per_week} (usually {tier.schedule.default_per_week}).
          </p>
        )}
      </div>
      {mayOverride && form === 'none' && (
        <div className="tier-actions">
          <button type="button" className="button button-small" onClick={() => setForm('override')}>
            Override tier
          </button>
          {tier.override && (
            <button type="button" className="button button-small" onClick={() => setForm('clear')}>
              Clear override
            </button>
          )}
        </div>
      )}
      {mayOverride && form !== 'none' && (
        <OverrideForm
          participantId={participantId}
          tier={tier}
          clearing={form === 'clear'}
          onDone={(next) => {
            loader.set(next);
            setForm('none');
          }}
          onCancel={() => setForm('none')}
        />
      )}
    </div>
  );
}

type OverrideField = 'tier' | 'reason';

function OverrideForm(props: {
  participantId: string;
  tier: RiskTier;
  clearing: boolean;
  onDone: (tier: RiskTier) => void;
  onCancel: () => void;
}) {
  const { participantId, tier, clearing, onDone, onCancel } = props;
  const headingId = useId();
  const [chosen, setChosen] = useState(tier.override?.tier ?? '');
  const [reason, setReason] = useState('');
  const submit = useFormSubmit<OverrideField>({
    fields: { tier: ['tier', 'Tier'], reason: ['reason', 'Reason'] },
    notDone: clearing ? 'The override was not cleared.' : 'The tier was not overridden.',
  });
  const title = clearing ? 'Clear the tier override' : 'Override the risk tier';

  async function onSubmit() {
    const found: Partial<Record<OverrideField, string>> = {};
    if (!clearing && chosen === '') found.tier = 'Choose the tier.';
    if (reason.trim() === '') found.reason = 'Say why.';
    if (!submit.validate(found)) return;
    await submit.send(
      () => overrideRiskTier(participantId, clearing ? null : chosen, reason.trim()),
      onDone,
    );
  }

  return (
    <form {...submit.formProps(onSubmit)} aria-labelledby={headingId} className="inline-form">
      <h3 id={headingId}>{title}</h3>
      {!clearing && (
        <SelectField
          label="Tier"
          value={chosen}
          options={[
            { value: '', label: 'Choose…' },
            ...tier.tiers.map((t) => ({ value: t.id, label: t.title })),
          ]}
          onValueChange={setChosen}
          error={submit.errors.tier}
          required
        />
      )}
      <TextAreaField
        label="Reason"
        value={reason}
        onValueChange={setReason}
        error={submit.errors.reason}
        rows={2}
        required
      />
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit={clearing ? 'Clear override' : 'Override tier'}
        busySubmit="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
