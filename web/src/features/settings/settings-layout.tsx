import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../../components/layout';

/** The settings pages, in the order of the side navigation; `/settings` shows the first. */
export const settingsPages = [
  { href: '/settings/members', label: 'Members' },
  { href: '/settings/tokens', label: 'Tokens and agents' },
  { href: '/settings/review-rules', label: 'PRD review rules' },
  { href: '/settings/decision-types', label: 'Decision types' },
  { href: '/settings/readiness-checks', label: 'Readiness checks' },
  { href: '/settings/audit-retention', label: 'Audit retention' },
  { href: '/settings/search', label: 'Search' },
  { href: '/settings/delivery-connections', label: 'Delivery connections' },
] as const;

/** A settings page: the side navigation between the pages, and the page's own title and content. */
export function SettingsPage(props: { title: string; intro?: ReactNode; children: ReactNode }) {
  const [location] = useLocation();
  return (
    <Page>
      <div className="settings-layout">
        <nav aria-label="Settings" className="settings-nav">
          <ul>
            {settingsPages.map((page) => (
              <li key={page.href}>
                <Link
                  href={page.href}
                  aria-current={
                    location === page.href || (location === '/settings' && page === settingsPages[0])
                      ? 'page'
                      : undefined
                  }
                >
                  {page.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          <h1>{props.title}</h1>
          {props.intro ? <p className="muted">{props.intro}</p> : null}
          {props.children}
        </div>
      </div>
    </Page>
  );
}

/** A settings form's save button, and "Saved." once the last save went through. */
export function SaveActions(props: { label: string; save: { isPending: boolean; isSuccess: boolean } }) {
  return (
    <p className="actions">
      <button type="submit" className="primary" disabled={props.save.isPending}>
        {props.label}
      </button>
      {props.save.isSuccess ? <span role="status">Saved.</span> : null}
    </p>
  );
}
