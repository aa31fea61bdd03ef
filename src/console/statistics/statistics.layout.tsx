// The shell of every statistics page: the page, its tab strip (the figures the role reads) and the content.
import type { Child } from 'hono/jsx';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';
import { statsTabsFor } from './statistics.tabs.ts';

export function StatsPage(props: { ui: Ui; title: string; children?: Child }) {
  const { ui } = props;
  const role = ui.session?.account.role;
  const here = ui.url.pathname;
  return (
    <Page ui={ui} title={props.title}>
      {role && (
        <nav class="tabs" aria-label={ui.t('stats.tabs')}>
          {statsTabsFor(role).map((tab) => (
            <a href={tab.href} aria-current={here === tab.href || here.startsWith(`${tab.href}/`) ? 'page' : undefined}>
              {ui.t(tab.label)}
            </a>
          ))}
        </nav>
      )}
      {props.children}
    </Page>
  );
}
