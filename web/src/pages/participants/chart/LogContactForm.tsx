// SPDX-License-Identifier: Apache-2.0
// Logging a contact or an attempt: when, how, with whom, why, what came of it, and the note.
// With an outside party, the information shared must be covered by a release; when it is not,
// the server refuses and the form says exactly what is missing.
import { useRef, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import {
  kConsentCategories,
  kContactModes,
  kContactOutcomes,
  kContactPurposes,
  kContactSettings,
  kWithWhom,
} from '../../../api/codes';
import { missingReleaseOf, type Contact } from '../../../api/contacts';
import type { CareTeamMember } from '../../../api/episodes';
import { logContact } from '../../../api/episode_endpoints';
import { newIdempotencyKey } from '../../../api/paths';
import type { RelatedPerson } from '../../../api/participants';
import { CheckboxField } from '../../../components/CheckboxField';
import { ChoiceGroup } from '../../../components/ChoiceGroup';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { codeLabel, codeOptions } from '../../../labels';
import {
  closedContactForm,
  hasSetting,
  isOutsideParty,
  kContactFields,
  kMaxNarrative,
  toNewContact,
  validateContact,
  type ContactDraft,
  type ContactFormState,
} from './contact_draft';
import { ReleaseRequiredMessage } from './ReleaseRequiredMessage';

interface Props {
  episodeId: string;
  participantId: string;
  relatedPersons: readonly RelatedPerson[];
  careTeam: readonly CareTeamMember[];
  state: ContactFormState;
  setState: Dispatch<SetStateAction<ContactFormState>>;
  onLogged: (contact: Contact) => void;
}

function options(codes: readonly string[]) {
  return [
    { value: '', label: 'Choose…' },
    ...codes.map((c) => ({ value: c, label: codeLabel(c) })),
  ];
}

export function LogContactForm(props: Props) {
  const { episodeId, participantId, relatedPersons, careTeam, state, setState, onLogged } = props;
  const { draft, errors } = state;
  const form = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function set<K extends keyof ContactDraft>(field: K, value: ContactDraft[K]) {
    setState((s) => ({ ...s, draft: { ...s.draft, [field]: value } }));
  }

  const parties = partyOptions(draft.withWhom, relatedPersons, careTeam);
  function partyLabel(choice: string): string {
    return parties.find((p) => p.value === choice)?.name ?? '';
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = validateContact(draft);
    if (
      showErrorsAndFocus(form.current, () =>
        setState((s) => ({ ...s, errors: found, refusal: null })),
      )
    ) {
      return;
    }
    setBusy(true);
    try {
      const contact = await logContact(episodeId, toNewContact(draft, partyLabel), state.key);
      setState(closedContactForm());
      onLogged(contact);
    } catch (error) {
      if (sessionGone(error)) return;
      const missing = missingReleaseOf(error);
      if (missing) {
        setState((s) => ({ ...s, refusal: missing }));
        return;
      }
      if (isKeyReused(error)) setState((s) => ({ ...s, key: newIdempotencyKey() }));
      const fieldErrors = serverFieldErrors(error, kContactFields);
      if (fieldErrors) {
        showErrorsAndFocus(form.current, () => setState((s) => ({ ...s, errors: fieldErrors })));
      } else {
        setFailure(formFailure(error, 'The contact was not saved.'));
      }
    } finally {
      setBusy(false);
    }
  }

  const outside = isOutsideParty(draft.withWhom);
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="log-contact-heading"
      className="edit-form"
    >
      <h3 id="log-contact-heading">Log contact</h3>
      <div className="form-grid">
        <TextField
          label="Date and time"
          type="datetime-local"
          value={draft.occurredAt}
          onValueChange={(v) => set('occurredAt', v)}
          error={errors.occurredAt}
          required
        />
        <TextField
          label="Duration (minutes)"
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          value={draft.duration}
          onValueChange={(v) => set('duration', v)}
          error={errors.duration}
        />
        <SelectField
          label="Mode"
          value={draft.mode}
          options={options(kContactModes)}
          onValueChange={(v) => set('mode', v)}
          error={errors.mode}
          required
        />
        <SelectField
          label="Setting"
          value={hasSetting(draft.mode) ? draft.setting : ''}
          options={codeOptions(kContactSettings, 'Not applicable')}
          onValueChange={(v) => set('setting', v)}
          error={errors.setting}
          disabled={!hasSetting(draft.mode)}
          hint={hasSetting(draft.mode) ? undefined : 'Only for in-person and video contacts.'}
        />
      </div>
      <ChoiceGroup
        kind="radio"
        legend="Contact made"
        options={[
          { value: 'yes', label: 'Successful contact' },
          { value: 'no', label: 'Attempt only' },
        ]}
        value={draft.successful}
        onValueChange={(v) => set('successful', v)}
        error={errors.successful}
        inline
      />
      <div className="form-grid">
        <SelectField
          label="With whom"
          value={draft.withWhom}
          options={kWithWhom.map((w) => ({ value: w, label: codeLabel(w) }))}
          onValueChange={(v) => {
            set('withWhom', v);
            set('partyChoice', '');
          }}
          error={errors.withWhom}
          required
        />
        {outside && (
          <SelectField
            label="Party"
            value={draft.partyChoice}
            options={[
              { value: '', label: 'Choose…' },
              ...parties.map((p) => ({ value: p.value, label: p.label })),
              { value: 'other', label: 'Someone else (type the name)' },
            ]}
            onValueChange={(v) => set('partyChoice', v)}
            error={errors.partyChoice}
            required
          />
        )}
        {outside && draft.partyChoice === 'other' && (
          <TextField
            label="Name of the person or organization"
            value={draft.partyName}
            onValueChange={(v) => set('partyName', v)}
            error={errors.partyName}
            autoComplete="off"
            required
          />
        )}
      </div>
      {outside && (
        <ChoiceGroup
          kind="checkbox"
          legend="Information shared"
          hint="A release must cover every kind of information shared with this party."
          options={kConsentCategories.map((c) => ({ value: c, label: codeLabel(c) }))}
          values={draft.disclosed}
          onValuesChange={(v) => set('disclosed', v)}
          error={errors.disclosed}
          inline
        />
      )}
      <ChoiceGroup
        kind="checkbox"
        legend="Purposes"
        options={kContactPurposes.map((p) => ({ value: p, label: codeLabel(p) }))}
        values={draft.purposes}
        onValuesChange={(v) => set('purposes', v)}
        error={errors.purposes}
        inline
      />
      <div className="form-grid">
        <SelectField
          label="Outcome"
          value={draft.outcome}
          options={options(kContactOutcomes)}
          onValueChange={(v) => set('outcome', v)}
          error={errors.outcome}
          required
        />
      </div>
      <TextAreaField
        label="Note"
        value={draft.narrative}
        onValueChange={(v) => set('narrative', v)}
        error={errors.narrative}
        hint={`What happened and what comes next. At most ${kMaxNarrative} characters.`}
        rows={5}
      />
      <CheckboxField
        label="Sign on save"
        checked={draft.sign}
        onCheckedChange={(checked) => set('sign', checked)}
        hint="A signed contact cannot be changed; corrections are added as addenda."
      />
      {state.refusal && (
        <ReleaseRequiredMessage missing={state.refusal} participantId={participantId} />
      )}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving contact…' : 'Save contact'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => setState(closedContactForm())}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

interface PartyOption {
  value: string;
  label: string;
  name: string;
}

/** Natural supports from the related persons; providers and agencies from the care team. */
function partyOptions(
  withWhom: string,
  relatedPersons: readonly RelatedPerson[],
  careTeam: readonly CareTeamMember[],
): PartyOption[] {
  if (withWhom === 'natural_support') {
    return relatedPersons
      .filter((p) => p.active)
      .map((p) => ({
        value: `rp:${p.id}`,
        label: `${p.name} (${codeLabel(p.relationship)})`,
        name: p.name,
      }));
  }
  return careTeam
    .filter((m) => m.active && m.external_name)
    .map((m) => {
      const name = m.external_name;
      const org = m.external_org ? `, ${m.external_org}` : '';
      return { value: `ct:${m.id}`, label: `${name}${org} (${codeLabel(m.role)})`, name };
    });
}
