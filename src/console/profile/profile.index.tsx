// /app/profile: a mentor's or investor's own directory record, edited through the Repository with
// their own actor (the policy decides what they may change); errors in place, values kept on 422.
import { Hono } from 'hono';
import type { AppDeps } from '../../http/app.ts';
import { investors, mentors } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, readForm } from '../forms.ts';
import { InvestorProfilePage, investorPatch, investorSchema, ticketOrder } from '../investor/investor-profile.tsx';
import { MentorProfilePage, mentorPatch, mentorSchema } from '../mentor/mentor-profile.tsx';
import { uiOf } from '../ui.ts';
import { checkPatch, domainErrors } from './profile-form.ts';

export function profileRouter(deps: AppDeps) {
  const router = new Hono<ConsoleEnv>();
  const db = deps.database.db;
  const repos = {
    mentor: new Repository(mentors, db, deps.embeddingHooks),
    investor: new Repository(investors, db, deps.embeddingHooks),
  };

  const page = (role: 'mentor' | 'investor', props: Parameters<typeof MentorProfilePage>[0]) =>
    role === 'mentor' ? <MentorProfilePage {...props} /> : <InvestorProfilePage {...props} />;

  router.get('/profile', async (c) => {
    const actor = c.get('actor');
    const role = actor.role as 'mentor' | 'investor';
    const row = await repos[role].get(c.get('ctx'), actor.subjectId ?? '');
    return c.html(page(role, { ui: uiOf(c), name: row.name, values: row, done: c.req.query('done') }));
  });

  router.post('/profile', async (c) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const role = actor.role as 'mentor' | 'investor';
    const repo = repos[role];
    const stored = await repo.get(c.get('ctx'), actor.subjectId ?? '');
    const form = await readForm(c);
    const patch: Record<string, unknown> = role === 'mentor' ? mentorPatch(form) : investorPatch(form);
    const checked =
      role === 'mentor'
        ? checkPatch(mentorSchema, patch, ['capacity'], ui.t)
        : checkPatch(investorSchema, patch, ['ticketMinCny', 'ticketMaxCny'], ui.t);
    let errors: FieldErrors = checked.ok ? {} : checked.errors;
    if (role === 'investor') errors = { ...ticketOrder(patch, ui.t), ...errors };
    if (!Object.keys(errors).length) {
      try {
        await repo.update(c.get('ctx'), stored.id, patch);
        return c.redirect('/app/profile?done=saved', 303);
      } catch (e) {
        errors = domainErrors(e, ui.lang);
      }
    }
    return c.html(page(role, { ui, name: stored.name, values: { ...stored, ...patch }, errors }), 422);
  });

  return router;
}
