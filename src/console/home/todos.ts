// "What needs you now": each role's sources of to-dos, asked when the home page is drawn. This is the
// in-app form of notifications, so every item links to the page where it is done.
import type { Role } from '../../../models/enums.ts';
import type { Session } from '../../accounts/sessions.ts';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../http/app.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Translate } from '../../i18n/t.ts';
import type { ReadContext } from '../../resources/types.ts';
import { waitingIntroductions } from '../introductions-inbox/todos.ts';
import { newFittingProjects } from '../investor/todos.ts';
import { founderTodoSources } from '../founder/todos.ts';
import { trainerTodoSources } from '../trainer/todos.ts';
import { projectsToVet } from '../vetting/todos.ts';
import { nudgedToMe } from '../center-introductions/todos.ts';
import { applicationsToReview } from '../admission/todos.ts';

export interface TodoItem {
  text: string;
  href: string;
}

export interface TodoArgs {
  db: Db;
  /** The app's services (e.g. matching and its cache, for "new matches"). */
  deps: AppDeps;
  ctx: ReadContext;
  session: Session;
  t: Translate;
  lang: Lang;
  /** The previous visit of the home page (null on the first): "new since last visit". */
  since: Date | null;
}

export type TodoSource = (args: TodoArgs) => Promise<TodoItem[]>;

/** Per role, the sources in the order their items are shown. */
export const TODO_SOURCES: Partial<Record<Role, readonly TodoSource[]>> = {
  founder: [...founderTodoSources, nudgedToMe],
  mentor: [waitingIntroductions, nudgedToMe],
  investor: [waitingIntroductions, newFittingProjects, nudgedToMe],
  trainer: trainerTodoSources,
  center_staff: [projectsToVet, applicationsToReview],
  admin: [projectsToVet, applicationsToReview],
};

export async function todosFor(args: TodoArgs): Promise<TodoItem[]> {
  const sources = TODO_SOURCES[args.session.account.role] ?? [];
  return (await Promise.all(sources.map((s) => s(args)))).flat();
}
