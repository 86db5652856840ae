// SPDX-License-Identifier: Apache-2.0
import { useRef, useState, type FormEvent } from 'react';
import type { AuditQuery } from '../../api/accounts';
import { SelectField, TextField } from '../../components/Fields';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';

export interface AuditFilterValues {
  userId: string;
  participantId: string;
  /** YYYY-MM-DD, or '' for no bound. */
  from: string;
  to: string;
  /** How many events one page (and each "Load more") brings. */
  pageSize: string;
}

const kPageSizes = ['10', '50', '100', '500'];
export const kNoFilters: AuditFilterValues = {
  userId: '',
  participantId: '',
  from: '',
  to: '',
  pageSize: '50',
};

/** The API query for these filters; blank filters are left out. */
export function toAuditQuery(filters: AuditFilterValues): AuditQuery {
  const query: AuditQuery = {};
  if (filters.userId.trim()) query.user_id = filters.userId.trim();
  if (filters.participantId.trim()) query.participant_id = filters.participantId.trim();
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  query.limit = Number(filters.pageSize);
  return query;
}

interface AuditFiltersProps {
  /** Field errors the server reported for the last search, keyed by AuditQuery name. */
  serverErrors: Partial<Record<keyof AuditQuery, string>>;
  busy: boolean;
  onApply: (filters: AuditFilterValues) => void;
}

export function AuditFilters({ serverErrors, busy, onApply }: AuditFiltersProps) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AuditFilterValues>(kNoFilters);
  const [toError, setToError] = useState<string | undefined>(undefined);

  function set(name: keyof AuditFilterValues) {
    return (value: string) => setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // ISO dates compare correctly as text.
    const error =
      values.from && values.to && values.to < values.from
        ? 'The end date must not be before the start date.'
        : undefined;
    if (showErrorsAndFocus(form.current, () => setToError(error))) return;
    onApply(values);
  }

  function onClear() {
    setValues(kNoFilters);
    setToError(undefined);
    onApply(kNoFilters);
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      className="card filters"
      aria-labelledby="audit-filters-heading"
    >
      <h2 id="audit-filters-heading">Filter events</h2>
      <div className="form-grid">
        <TextField
          label="User ID"
          value={values.userId}
          onValueChange={set('userId')}
          error={serverErrors.user_id}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Participant ID"
          value={values.participantId}
          onValueChange={set('participantId')}
          error={serverErrors.participant_id}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="From date"
          type="date"
          value={values.from}
          onValueChange={set('from')}
          error={serverErrors.from}
        />
        <TextField
          label="To date"
          type="date"
          value={values.to}
          onValueChange={set('to')}
          error={toError ?? serverErrors.to}
        />
        <SelectField
          label="Events per page"
          value={values.pageSize}
          options={kPageSizes.map((size) => ({ value: size, label: size }))}
          onValueChange={set('pageSize')}
        />
      </div>
      <div className="form-actions form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Apply filters
        </button>
        <button type="button" className="button" onClick={onClear} disabled={busy}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
