import type { Actor } from '../auth/actor.ts';
import type { Logger } from '../logger.ts';
import type { ReadContext } from '../resources/types.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    actor: Actor;
    ctx: ReadContext;
    /** The request's logger (its lines carry the request id). */
    log: Logger;
  };
};
