// The statistics dashboard's tabs (/app/statistics/*): one list, read by the tab strip and by the
// /app/statistics redirect. Each figure's page module adds its tab here.
import type { Role } from '../../../models/enums.ts';
import type { MessageKey } from '../../i18n/t.ts';

export interface StatsTab {
  href: string;
  label: MessageKey;
  /** Who sees the tab (all of them read statistics; see src/statistics/scope.ts). */
  roles: readonly Role[];
}

/** The roles that read statistics at all. */
export const STATS_ROLES = ['admin', 'region_admin', 'center_staff'] as const satisfies readonly Role[];

export const STATS_TABS: readonly StatsTab[] = [
  { href: '/app/statistics/coverage', label: 'cov.tab', roles: ['admin', 'region_admin'] },
  { href: '/app/statistics/graduates', label: 'grad.tab', roles: ['admin', 'region_admin'] },
  { href: '/app/statistics/trends', label: 'trends.tab', roles: STATS_ROLES },
  { href: '/app/statistics/funnels', label: 'funnels.tab', roles: STATS_ROLES },
  { href: '/app/statistics/scorecard', label: 'funnels.scorecard.tab', roles: STATS_ROLES },
  // Targets: admins edit, a region_admin reads its region's (src/console/statistics/targets.page.tsx).
  { href: '/app/statistics/targets', label: 'roles.targets.tab', roles: ['admin', 'region_admin'] },
];

export const statsTabsFor = (role: Role) => STATS_TABS.filter((tab) => tab.roles.includes(role));
