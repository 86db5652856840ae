// SPDX-License-Identifier: Apache-2.0
// The participant's assessments, newest first: instrument, when, total and band, flags (an
// urgent one stands out), needs identified and the level of care.
import type { Assessment, Instrument } from '../../api/assessments';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';
import { flagOf, levelLabel, needLabel } from './assessment_labels';

export function AssessmentList(props: {
  assessments: readonly Assessment[];
  instruments: readonly Instrument[];
}) {
  const { assessments, instruments } = props;
  if (assessments.length === 0) {
    return <p className="muted">No assessments yet.</p>;
  }
  return (
    <DataTable
      caption="Assessments, newest first"
      columns={['Instrument', 'Assessed', 'Total', 'Band', 'Flags', 'Needs', 'Level of care', 'By']}
    >
      {assessments.map((a) => (
        <tr key={a.id}>
          <th scope="row">{a.instrument_title}</th>
          <td>{formatDateTime(a.assessed_at)}</td>
          <td>{a.total ?? '—'}</td>
          <td>{a.band_label || '—'}</td>
          <td>
            {a.flags.length === 0
              ? '—'
              : a.flags.map((code) => {
                  const flag = flagOf(instruments, a, code);
                  return (
                    <span
                      key={code}
                      className={flag.urgent ? 'badge badge-flag-urgent' : 'badge badge-warning'}
                    >
                      {flag.urgent ? '⚠ ' : ''}
                      {flag.label}
                    </span>
                  );
                })}
          </td>
          <td>
            {a.needs.length === 0
              ? '—'
              : a.needs.map((code) => (
                  <span key={code} className="badge badge-info">
                    {needLabel(instruments, a, code)}
                  </span>
                ))}
          </td>
          <td>
            {a.recommended_level ? (
              <>
                Recommended {levelLabel(instruments, a, a.recommended_level)}
                {a.level_source === 'table' ? ' (program table)' : ''}
                {a.level_provided && a.level_provided !== a.recommended_level && (
                  <>
                    ; provided {levelLabel(instruments, a, a.level_provided)} —{' '}
                    {a.variance_reason}
                  </>
                )}
              </>
            ) : (
              '—'
            )}
          </td>
          <td>{a.recorded_by_name}</td>
        </tr>
      ))}
    </DataTable>
  );
}
