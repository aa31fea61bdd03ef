// The console's navigation, per role: one list, read by the layout (links) and the home page.
import type { Role } from '../../models/enums.ts';
import type { MessageKey } from '../i18n/t.ts';
import { STATS_ROLES } from './statistics/statistics.tabs.ts';

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Who sees the link; absent = every signed-in role. */
  roles?: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  // A region_admin's nav is Statistics and Account (its home page links to the statistics).
  { href: '/app', label: 'nav.home', roles: ['admin', 'center_staff', 'founder', 'mentor', 'investor', 'trainer'] },
  { href: '/app/projects', label: 'founder.nav.projects', roles: ['founder'] },
  { href: '/app/introductions', label: 'founder.nav.introductions', roles: ['founder'] },
  { href: '/app/invitations', label: 'founder.nav.invitations', roles: ['founder'] },
  { href: '/app/my-data', label: 'founder.nav.myData', roles: ['founder'] },
  { href: '/app/registry', label: 'nav.registry', roles: ['admin', 'center_staff'] },
  { href: '/app/vetting', label: 'nav.vetting', roles: ['admin', 'center_staff'] },
  { href: '/app/admission', label: 'lifeui.nav.admission', roles: ['admin', 'center_staff'] },
  { href: '/app/incubation', label: 'lifeui.nav.incubation', roles: ['admin', 'center_staff'] },
  { href: '/app/assignment', label: 'nav.assignment', roles: ['admin', 'center_staff'] },
  { href: '/app/weights', label: 'nav.weights', roles: ['admin', 'center_staff'] },
  { href: '/app/center-introductions', label: 'nav.centerIntroductions', roles: ['admin', 'center_staff'] },
  { href: '/app/trainings', label: 'nav.trainings', roles: ['trainer'] },
  { href: '/app/spreadsheets', label: 'nav.spreadsheets', roles: ['admin', 'center_staff'] },
  { href: '/app/statistics', label: 'stats.nav', roles: STATS_ROLES },
  { href: '/app/audit', label: 'nav.audit', roles: ['admin', 'center_staff'] },
  { href: '/app/accounts', label: 'nav.accounts', roles: ['admin', 'center_staff'] },
  { href: '/app/inbox', label: 'inbox.nav', roles: ['mentor', 'investor'] },
  { href: '/app/discover', label: 'discover.nav', roles: ['investor'] },
  { href: '/app/introduced', label: 'introduced.nav', roles: ['mentor', 'investor'] },
  { href: '/app/profile', label: 'profile.nav', roles: ['mentor', 'investor'] },
  { href: '/app/account', label: 'nav.account' },
];

export const navFor = (role: Role) => NAV.filter((item) => !item.roles || item.roles.includes(role));
