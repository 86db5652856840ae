// SPDX-License-Identifier: Apache-2.0
// One row per coordinator: caseload, overdue, and each rule's compliance this month (the rate,
// with its met and missed counts under it); the program's totals in the footer.
import type { ProgramDashboard, RuleCompliance } from '../../api/obligations';
import { complianceCounts, formatRate, rateClass } from './compliance_format';

function RateCell({ c }: { c: RuleCompliance | undefined }) {
  if (c === undefined) return <td>—</td>;
  const counts = complianceCounts(c);
  return (
    <td title={counts}>
      <span className={rateClass(c.rate)}>{formatRate(c.rate)}</span>
      <span className="cell-note">{counts}</span>
    </td>
  );
}

export function CoordinatorTable({ dashboard }: { dashboard: ProgramDashboard }) {
  const rules =
    dashboard.rules.length > 0
      ? dashboard.rules
      : (dashboard.program.map((r) => ({ rule_id: r.rule_id, title: r.title })) ?? []);
  const find = (list: readonly RuleCompliance[], ruleId: string) =>
    list.find((r) => r.rule_id === ruleId);
  return (
    <div className="table-scroll">
      <table className="table table-dense dashboard-table">
        <caption className="visually-hidden">
          Caseload, overdue obligations and compliance per rule for each coordinator
        </caption>
        <thead>
          <tr>
            <th scope="col">Coordinator</th>
            <th scope="col">Caseload</th>
            <th scope="col">Overdue</th>
            {rules.map((r) => (
              <th key={r.rule_id} scope="col">
                {r.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dashboard.coordinators.map((row) => (
            <tr key={row.user_id}>
              <th scope="row">{row.display_name}</th>
              <td>{row.caseload}</td>
              <td>
                {row.overdue > 0 ? (
                  <span className="badge badge-obligation-overdue">{row.overdue}</span>
                ) : (
                  0
                )}
              </td>
              {rules.map((r) => (
                <RateCell key={r.rule_id} c={find(row.rules, r.rule_id)} />
              ))}
            </tr>
          ))}
        </tbody>
        {dashboard.program.length > 0 && (
          <tfoot>
            <tr>
              <th scope="row">Program</th>
              <td>{dashboard.coordinators.reduce((n, row) => n + row.caseload, 0)}</td>
              <td>{dashboard.coordinators.reduce((n, row) => n + row.overdue, 0)}</td>
              {rules.map((r) => (
                <RateCell key={r.rule_id} c={find(dashboard.program, r.rule_id)} />
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
