import type { Actor } from '../auth/actor.ts';
import type { Logger } from '../logger.ts';
import type { ReadContext } from '../resources/types.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    actor: Actor;
    ctx: ReadContext;
    /** Takes `units` more of the caller's expensive-request budget (429 when short); set on expensive endpoints when limited. */
    spend?: (units: number) => void;
    /** The request's logger (its lines carry the request id). */
    log: Logger;
  };
};
