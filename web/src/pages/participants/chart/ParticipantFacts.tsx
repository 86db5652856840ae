// SPDX-License-Identifier: Apache-2.0
import type { ReactNode } from 'react';
import type { Participant } from '../../../api/participants';
import { formatDate } from '../../../format';
import { codeLabel } from '../../../labels';
import { languageLabel } from './language';

/** Participants under 22 have the child, family and school details shown (002). */
export const kChildAgeLimit = 22;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <>
      <dt>{label}</dt>
      <dd className="prose">{empty ? '—' : children}</dd>
    </>
  );
}

function FactGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="fact-group">
      <h3 id={id}>{title}</h3>
      <dl className="facts">{children}</dl>
    </section>
  );
}

/** The participant's details, read only, in the groups the edit form uses. */
export function ParticipantFacts({ participant: p }: { participant: Participant }) {
  const address = [p.address.line, p.address.city, p.address.state, p.address.postal_code]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="fact-groups">
      <FactGroup id="facts-demographics" title="Demographics">
        <Fact label="Name">
          {p.given_name} {p.family_name}
        </Fact>
        <Fact label="Preferred name">{p.preferred_name}</Fact>
        <Fact label="Date of birth">
          {formatDate(p.birth_date)} (age {p.age})
        </Fact>
        <Fact label="Sex">{codeLabel(p.sex)}</Fact>
        <Fact label="Gender identity">{p.gender_identity}</Fact>
        <Fact label="Pronouns">{p.pronouns}</Fact>
      </FactGroup>
      <FactGroup id="facts-contact" title="Contact preferences">
        <Fact label="Phone">{p.phone}</Fact>
        <Fact label="Email">{p.email}</Fact>
        <Fact label="Preferred method">
          {p.preferred_contact_method ? codeLabel(p.preferred_contact_method) : ''}
        </Fact>
        <Fact label="Best times">{p.preferred_contact_times}</Fact>
      </FactGroup>
      <FactGroup id="facts-address" title="Address and living situation">
        <Fact label="Address">{address}</Fact>
        <Fact label="Living situation">
          {p.living_situation ? codeLabel(p.living_situation) : ''}
        </Fact>
      </FactGroup>
      <FactGroup id="facts-culture" title="Language and culture">
        <Fact label="Preferred language">{languageLabel(p.preferred_language)}</Fact>
        <Fact label="Interpreter needed">{p.interpreter_needed ? 'Yes' : 'No'}</Fact>
        <Fact label="Cultural considerations">{p.cultural_considerations}</Fact>
      </FactGroup>
      <FactGroup id="facts-directives" title="Advance directive and proxy">
        <Fact label="Advance directive">{p.advance_directive}</Fact>
        <Fact label="Health care proxy">{p.health_care_proxy}</Fact>
      </FactGroup>
      <FactGroup id="facts-coverage" title="Coverage and primary care">
        <Fact label="Payer">{p.payer}</Fact>
        <Fact label="Member ID">{p.member_id}</Fact>
        <Fact label="Primary care provider">{p.primary_care_provider}</Fact>
      </FactGroup>
      {p.age < kChildAgeLimit && (
        <FactGroup id="facts-child" title="Child, family and school">
          <Fact label="School">{p.child.school_name}</Fact>
          <Fact label="Grade">{p.child.school_grade}</Fact>
          <Fact label="Education plan">{p.child.education_plan}</Fact>
          <Fact label="Family notes">{p.child.family_notes}</Fact>
        </FactGroup>
      )}
    </div>
  );
}
