import type { ComponentType } from 'react';

/**
 * What a feature adds to the app: its routes and, when it has a section of its own, its entry in
 * the header's navigation. app.tsx lists the features; their routes and entries keep that order.
 */
export interface Feature {
  routes: readonly { path: string; component: ComponentType }[];
  nav?: { href: string; label: string };
}
