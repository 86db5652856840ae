// SPDX-License-Identifier: Apache-2.0
// The frame around every signed-in page, and the choice of page for the current address.
import { useEffect } from 'react';
import type { Me } from '../api/accounts';
import { AccountPage } from '../pages/AccountPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { OnCallPage } from '../pages/on_call/OnCallPage';
import { PolicyPage } from '../pages/policy/PolicyPage';
import { MyDayPage } from '../pages/worklist/MyDayPage';
import { ExpiringReleasesPage } from '../pages/consents/ExpiringReleasesPage';
import { EmergencyAccessPage } from '../pages/emergency/EmergencyAccessPage';
import { IntakePage } from '../pages/intake/IntakePage';
import { NewReferralPage } from '../pages/intake/NewReferralPage';
import { ReferralPage } from '../pages/intake/ReferralPage';
import { ParticipantChartPage } from '../pages/participants/chart/ParticipantChartPage';
import { ParticipantsPage } from '../pages/participants/ParticipantsPage';
import { FamilyCopyPage } from '../pages/care_plan/FamilyCopyPage';
import { UsersPage } from '../pages/users/UsersPage';
import { navigate, usePath } from '../routing/router';
import { homePath, routeAt, sectionsFor, type RouteMatch } from '../routing/routes';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';
import { SkipLink } from './SkipLink';

export function SignedInLayout({ me }: { me: Me }) {
  const path = usePath();
  const route = routeAt(path, me);
  const home = homePath(me);

  // "/", unknown addresses and pages this user's roles cannot use lead to the user's home page.
  useEffect(() => {
    if (route === null) navigate(home, { replace: true });
  }, [route, home]);

  // The family copy is printed and handed to the participant: no app header or navigation.
  if (route?.page === 'care-plan-print') {
    return (
      <main id="main" tabIndex={-1} className="page page-print">
        <PageFor route={route} />
      </main>
    );
  }

  return (
    <>
      <SkipLink targetId="main" />
      <AppHeader me={me} />
      <div className="app-body">
        <MainNav sections={sectionsFor(me)} current={route?.section.id ?? null} />
        <main id="main" tabIndex={-1} className="page">
          {route && <PageFor route={route} />}
        </main>
      </div>
    </>
  );
}

function PageFor({ route }: { route: RouteMatch }) {
  const id = route.params['id'] ?? '';
  switch (route.page) {
    case 'my-day':
      return <MyDayPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'policy':
      return <PolicyPage />;
    case 'on-call':
      return <OnCallPage />;
    case 'account':
      return <AccountPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'intake':
      return <IntakePage />;
    case 'new-referral':
      return <NewReferralPage />;
    case 'referral':
      return <ReferralPage key={id} id={id} />;
    case 'participants':
      return <ParticipantsPage />;
    case 'participant':
      // The tab is part of the address; changing it keeps the chart (and what it loaded).
      return <ParticipantChartPage key={id} id={id} tab={route.params['tab'] ?? ''} />;
    case 'care-plan-print': {
      const planId = route.params['planId'] ?? '';
      return <FamilyCopyPage key={`${id}:${planId}`} participantId={id} planId={planId} />;
    }
    case 'expiring':
      return <ExpiringReleasesPage />;
    case 'emergency':
      return <EmergencyAccessPage />;
  }
}
