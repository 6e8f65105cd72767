import type { Feature } from '../../shell/feature';
import { AuditRetentionSettings } from './audit-retention-page';
import { DecisionTypesSettings } from './decision-types-page';
import { ReadinessChecksSettings } from './readiness-checks-page';
import { ReviewRulesSettings } from './review-rules-page';
import { SearchSettings } from './search-page';
import { MembersSettings, TokensSettings } from './settings';

export const settingsFeature: Feature = {
  nav: { href: '/settings', label: 'Settings' },
  routes: [
    { path: '/settings', component: MembersSettings },
    { path: '/settings/members', component: MembersSettings },
    { path: '/settings/tokens', component: TokensSettings },
    { path: '/settings/review-rules', component: ReviewRulesSettings },
    { path: '/settings/decision-types', component: DecisionTypesSettings },
    { path: '/settings/readiness-checks', component: ReadinessChecksSettings },
    { path: '/settings/audit-retention', component: AuditRetentionSettings },
    { path: '/settings/search', component: SearchSettings },
  ],
};
