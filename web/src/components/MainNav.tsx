// SPDX-License-Identifier: Apache-2.0
import type { Section, SectionId } from '../routing/routes';
import { Link } from './Link';

/** Links to the sections this user's roles can use; nothing else is offered. */
export function MainNav(props: { sections: readonly Section[]; current: SectionId | null }) {
  const { sections, current } = props;
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <Link to={section.path} current={section.id === current}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
