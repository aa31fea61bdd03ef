import type { Actor } from '../auth/actor.ts';
import type { ReadContext } from '../resources/types.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    actor: Actor;
    ctx: ReadContext;
  };
};
