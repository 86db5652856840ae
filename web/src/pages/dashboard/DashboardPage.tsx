// SPDX-License-Identifier: Apache-2.0
// The supervisor's dashboard: for a program and month, each coordinator's caseload, what is
// overdue, and compliance per rule; and compliance per rule over recent months
// (docs/worklists.md "Supervisor dashboard", "Compliance history").
import { useState } from 'react';
import { messageFor } from '../../api/api_error';
import { getComplianceHistory, getDashboard } from '../../api/worklist_endpoints';
import { TextField } from '../../components/Fields';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ProgramPicker, userPrograms } from '../../components/ProgramPicker';
import { useLoader } from '../../hooks/use_loader';
import { useProgramTimeZone } from '../../hooks/use_time_zone';
import { useMe } from '../../session/session_context';
import { formatMonth, monthInZone } from '../../zoned_time';
import { ComplianceChart } from './ComplianceChart';
import { CoordinatorTable } from './CoordinatorTable';

const kHistoryMonths = 6;

export function DashboardPage() {
  const me = useMe();
  const programs = userPrograms(me, 'dashboard.read');
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const timeZone = useProgramTimeZone(programId ? [programId] : []);
  const thisMonth = monthInZone(timeZone);
  const [chosenMonth, setChosenMonth] = useState('');
  const month = /^\d{4}-\d{2}$/.test(chosenMonth) ? chosenMonth : '';
  const monthError =
    chosenMonth !== '' && month === ''
      ? 'Enter a month as YYYY-MM.'
      : month > thisMonth
        ? 'Choose this month or an earlier one.'
        : undefined;
  const dashboard = useLoader(
    () => getDashboard(programId, monthError ? undefined : month || undefined),
    `${programId}|${monthError ? '' : month}`,
  );
  const history = useLoader(
    () => getComplianceHistory(programId, kHistoryMonths),
    `${programId}|history`,
  );
  const state = dashboard.state;
  const shownMonth = state.status === 'ready' ? state.data.month : month || thisMonth;

  if (programs.length === 0) {
    return (
      <>
        <PageHeading title="Dashboard" />
        <p>You hold no role in a program with a dashboard.</p>
      </>
    );
  }

  return (
    <>
      <PageHeading title="Dashboard" />
      <div className="form-grid filter-bar">
        <ProgramPicker programs={programs} value={programId} onChange={setProgramId} />
        <TextField
          label="Month"
          type="month"
          value={chosenMonth || shownMonth}
          max={thisMonth}
          onValueChange={setChosenMonth}
          error={monthError}
          hint="Compliance of the windows due in this month."
        />
      </div>
      <section aria-labelledby="coordinators-heading" className="card">
        <h2 id="coordinators-heading">Coordinators — {formatMonth(shownMonth)}</h2>
        <LiveStatus>
          {state.status === 'loading' && 'Loading the dashboard…'}
          {state.status === 'ready' &&
            (state.data.coordinators.length === 0
              ? 'No coordinator has a caseload in this program.'
              : `${state.data.coordinators.length} coordinators.`)}
        </LiveStatus>
        {state.status === 'failed' && (
          <ErrorMessage>The dashboard could not be loaded. {messageFor(state.error)}</ErrorMessage>
        )}
        {state.status === 'ready' && state.data.coordinators.length > 0 && (
          <CoordinatorTable dashboard={state.data} />
        )}
      </section>
      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading">Compliance per rule, last {kHistoryMonths} months</h2>
        {history.state.status === 'loading' && <p className="muted">Loading the history…</p>}
        {history.state.status === 'failed' && (
          <ErrorMessage>
            The compliance history could not be loaded. {messageFor(history.state.error)}
          </ErrorMessage>
        )}
        {history.state.status === 'ready' && <ComplianceChart history={history.state.data} />}
      </section>
    </>
  );
}
