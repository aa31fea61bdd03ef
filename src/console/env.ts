import type { Session } from '../accounts/sessions.ts';
import type { AppEnv } from '../http/env.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Translate } from '../i18n/t.ts';

/** The console's request variables: the API's (actor, ctx, log …) plus language and session. */
export type ConsoleEnv = {
  Variables: AppEnv['Variables'] & {
    lang: Lang;
    t: Translate;
    /** The signed-in person, or null on the public pages (sign-in, invitation). */
    session: Session | null;
    /** The token every form of this page must send back (`_csrf`). */
    csrfToken: string;
  };
};
