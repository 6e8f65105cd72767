import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { call, session } from './api/client';
import { ErrorBoundary } from './components/error-boundary';
import { SearchBox } from './components/search-box';
import { ErrorState, Loading } from './components/ui';
import { AcceptInvitation } from './screens/accept-invitation';
import { AuditScreen } from './screens/audit';
import { DecisionDetail } from './screens/decision-detail';
import { DecisionForm } from './screens/decision-form';
import { DecisionList } from './screens/decisions';
import { Home } from './screens/home';
import { PrdDetail } from './screens/prd-detail';
import { PrdEditor } from './screens/prd-editor';
import { PrdHistory } from './screens/prd-history';
import { ProjectDetail } from './screens/project-detail';
import { ProjectList } from './screens/projects';
import { SearchResults } from './screens/search';
import { Settings } from './screens/settings';
import { SignIn } from './screens/sign-in';
import { useMe, useSignOut, useSwitchWorkspace } from './session';

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
    <Shell me={me.data}>
      <Switch>
        <Route path="/" component={Home} />
        <Route path="/projects" component={ProjectList} />
        <Route path="/projects/:id" component={ProjectDetail} />
        <Route path="/projects/:projectId/prds/:id/edit" component={PrdEditor} />
        <Route path="/projects/:projectId/prds/:id/history" component={PrdHistory} />
        <Route path="/projects/:projectId/prds/:id" component={PrdDetail} />
        <Route path="/decisions" component={DecisionList} />
        <Route path="/decisions/new" component={DecisionForm} />
        <Route path="/decisions/:id/edit" component={DecisionForm} />
        <Route path="/decisions/:id" component={DecisionDetail} />
        <Route path="/audit" component={AuditScreen} />
        <Route path="/audit/:type/:id" component={AuditScreen} />
        <Route path="/settings" component={Settings} />
        <Route path="/search" component={SearchResults} />
        <Route>
          <main className="page">
            <h1>Not found</h1>
            <p>
              There is no page here. <Link href="/">Go home</Link>.
            </p>
          </main>
        </Route>
      </Switch>
    </Shell>
  );
}

type Me = NonNullable<ReturnType<typeof useMe>['data']>;

const sections = [
  { href: '/', label: 'Home' },
  { href: '/projects', label: 'Projects' },
  { href: '/decisions', label: 'Decisions' },
  { href: '/audit', label: 'Audit' },
  { href: '/settings', label: 'Settings' },
];

function Shell(props: { me: Me; children: React.ReactNode }) {
  const [location] = useLocation();
  const signOut = useSignOut();
  const switchWorkspace = useSwitchWorkspace();
  const workspaces = useQuery({
    queryKey: ['workspaces'],
    queryFn: () => call('get', '/api/v1/workspaces', { query: { limit: 200 } }),
  });
  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Shipshape
        </Link>
        <nav aria-label="Sections">
          {sections.map((section) => {
            const active = section.href === '/' ? location === '/' : location.startsWith(section.href);
            return (
              <Link key={section.href} href={section.href} aria-current={active ? 'page' : undefined}>
                {section.label}
              </Link>
            );
          })}
        </nav>
        <SearchBox />
        <div className="account">
          <label className="visually-hidden" htmlFor="workspace">
            Workspace
          </label>
          <select
            id="workspace"
            value={props.me.workspace.id}
            onChange={(event) => switchWorkspace(event.target.value)}
          >
            {(workspaces.data?.data ?? [{ id: props.me.workspace.id, name: props.me.workspace.name }]).map(
              (workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ),
            )}
          </select>
          <span className="who" title={props.me.user.email}>
            {props.me.user.displayName} · {props.me.role}
          </span>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
      </header>
      <div id="content">
        <ErrorBoundary resetKey={location}>{props.children}</ErrorBoundary>
      </div>
    </>
  );
}
