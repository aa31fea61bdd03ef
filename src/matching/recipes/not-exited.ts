import { sql } from 'drizzle-orm';
import { isMatchable } from '../../lifecycle/reviewed.ts';
import { rule } from '../rules.ts';
import type { Rule } from '../types.ts';

/** A project-source recipe's rule: an exited project is matched nowhere (no candidates at all). */
export function notExitedSource<S extends { row: Record<string, any> }>(): Rule<S> {
  return rule(
    'not_exited',
    '项目未退出双创中心',
    'Project has not exited its center',
    'རྣམ་གྲངས་ལྟེ་གནས་ནས་ཕྱིར་ཐོན་མེད་པ',
    (s) => (isMatchable(s.row.status) ? null : sql`false`),
    (s) => isMatchable(s.row.status),
  );
}
