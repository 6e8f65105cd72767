import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ErrorBoundary } from '../components/error-boundary';
import { SearchBox } from '../features/search/search-box';
import { Account } from '../features/session/account';
import type { Me } from '../features/session/queries';
import type { Feature } from './feature';
import { ThemeToggle } from './theme-toggle';

/** The frame around every screen once signed in: skip link, header (sections, search, account, theme). */
export function Shell(props: { me: Me; nav: NonNullable<Feature['nav']>[]; children: ReactNode }) {
  const [location] = useLocation();
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
          {props.nav.map((section) => {
            const active = section.href === '/' ? location === '/' : location.startsWith(section.href);
            return (
              <Link key={section.href} href={section.href} aria-current={active ? 'page' : undefined}>
                {section.label}
              </Link>
            );
          })}
        </nav>
        <SearchBox />
        <Account me={props.me} />
        <ThemeToggle />
      </header>
      <div id="content">
        <ErrorBoundary resetKey={location}>{props.children}</ErrorBoundary>
      </div>
    </>
  );
}
