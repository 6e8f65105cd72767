import { useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { session } from './api/client';
import { ErrorState, Loading } from './components/ui';
import { auditFeature } from './features/audit/feature';
import { contractsFeature } from './features/contracts/feature';
import { decisionsFeature } from './features/decisions/feature';
import { deliveryFeature } from './features/delivery/feature';
import { findingsFeature } from './features/findings/feature';
import { flagsFeature } from './features/flags/feature';
import { homeFeature } from './features/home/feature';
import { migrationsFeature } from './features/migrations/feature';
import { planFeature } from './features/plan/feature';
import { prdsFeature } from './features/prds/feature';
import { projectsFeature } from './features/projects/feature';
import { readinessFeature } from './features/readiness/feature';
import { sagasFeature } from './features/sagas/feature';
import { searchFeature } from './features/search/feature';
import { AcceptInvitation } from './features/session/accept-invitation';
import { useMe } from './features/session/queries';
import { SignIn } from './features/session/sign-in';
import { settingsFeature } from './features/settings/feature';
import { tasksFeature } from './features/tasks/feature';
import { testEvidenceFeature } from './features/test-evidence/feature';
import type { Feature } from './shell/feature';
import { NotFound } from './shell/not-found';
import { Shell } from './shell/shell';

/** Every screen comes from a feature; the header's sections follow this order. */
const features: Feature[] = [
  homeFeature,
  projectsFeature,
  prdsFeature,
  migrationsFeature,
  contractsFeature,
  flagsFeature,
  testEvidenceFeature,
  deliveryFeature,
  tasksFeature,
  sagasFeature,
  findingsFeature,
  planFeature,
  readinessFeature,
  decisionsFeature,
  auditFeature,
  settingsFeature,
  searchFeature,
];

const routes = features.flatMap((feature) => feature.routes);
const nav = features.flatMap((feature) => (feature.nav ? [feature.nav] : []));

export function App() {
  const me = useMe();
  const [location, navigate] = useLocation();
  const refetch = me.refetch;
  useEffect(() => {
    session.onUnauthenticated = () => void refetch();
  }, [refetch]);
  if (location === '/accept-invitation') return <AcceptInvitation onDone={() => navigate('/')} />;
  if (me.isPending) return <Loading what="your session" />;
  if (me.error) return <ErrorState error={me.error} retry={() => me.refetch()} />;
  if (!me.data) return <SignIn />;
  return (
    <Shell me={me.data} nav={nav}>
      <Switch>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} component={route.component} />
        ))}
        <Route component={NotFound} />
      </Switch>
    </Shell>
  );
}
