// SPDX-License-Identifier: Apache-2.0
import { useId } from 'react';
import type { PolicyRule } from '../../api/policy';

/** The rules in plain language: what each asks, where the guidance says so, whether it is on. */
export function PolicyRules(props: { rules: readonly PolicyRule[]; heading?: string }) {
  const { rules, heading = 'Rules' } = props;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{heading}</h2>
      {rules.length === 0 ? (
        <p className="muted">This policy has no rules.</p>
      ) : (
        <ul className="rule-list">
          {rules.map((rule) => (
            <li key={rule.id} className={rule.enabled ? 'rule' : 'rule rule-off'}>
              <h3 className="rule-title">
                {rule.title}{' '}
                <span className={rule.enabled ? 'badge badge-rule-on' : 'badge badge-rule-off'}>
                  {rule.enabled ? 'On' : 'Off'}
                </span>
              </h3>
              <p className="rule-meta">
                <span className="cite">{rule.cite}</span> · <code>{rule.id}</code>
              </p>
              <p>{rule.description}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
