// SPDX-License-Identifier: Apache-2.0
// The frame around every signed-in page, and the choice of page for the current address.
import { useEffect } from 'react';
import type { Me } from '../api/types';
import { AccountPage } from '../pages/AccountPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { UsersPage } from '../pages/users/UsersPage';
import { navigate, usePath } from '../routing/router';
import { sectionAt, sectionsFor, type SectionId } from '../routing/routes';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { SkipLink } from './SkipLink';

const kPages: Record<SectionId, () => React.JSX.Element> = {
  account: AccountPage,
  users: UsersPage,
  audit: AuditPage,
};

export function SignedInLayout({ me }: { me: Me }) {
  const path = usePath();
  const section = sectionAt(path, me);

  // Unknown addresses, and sections this user's roles cannot use, fall back to the account page.
  useEffect(() => {
    if (section === null) navigate('/', { replace: true });
  }, [section]);

  const Page = kPages[section?.id ?? 'account'];
  return (
    <>
      <SkipLink targetId="main" />
      <AppHeader me={me} />
      <div className="app-body">
        <MainNav sections={sectionsFor(me)} />
        <main id="main" tabIndex={-1} className="page">
          <Page key={section?.id ?? 'account'} />
        </main>
      </div>
    </>
  );
}
