// GET /v1/introductions/{id}/contacts: once an introduction is accepted, each side learns how to
// reach the other. The mentor's/investor's contact goes to the project's founders (the contract's
// rule); a founder's contact goes to the mentor/investor only when that founder consented to it
// (`consent.shareContact`, PIPL art. 23: sharing personal information with another party needs
// separate consent). Without consent the founder's contact is never shown to them. Center staff see
// the contacts of their own center's founders only, as on GET /v1/founders/{id}. Every reveal of
// a founder's contact to the target is audited.
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  foundersTable,
  introductionsTable,
  investorsTable,
  mentorsTable,
  projectFoundersTable,
  projectsTable,
} from '../../models/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { founders as founderResource } from '../resources/founders.ts';
import { readContext } from '../resources/context.ts';
import type { Db } from '../db/client.ts';
import { conflict, notFound } from '../errors.ts';
import { introductionScope } from '../engagement/introductions.ts';
import { isUuid } from '../engagement/shared.ts';
import { audit } from '../audit/record.ts';
import { wasAccepted } from '../engagement/ended.ts';

export async function introductionContacts(db: Db, actor: Actor, id: string) {
  const scope = introductionScope(actor);
  if (scope === 'none' || !isUuid(id)) throw notFound('introduction');
  const i = introductionsTable;
  const [intro] = await db
    .select()
    .from(i)
    .where(and(eq(i.id, id), scope === 'all' ? undefined : scope))
    .limit(1);
  if (!intro) throw notFound('introduction');
  // An introduction ended before anyone accepted it (its project or target was removed) exchanged nothing.
  if (!wasAccepted(intro))
    throw conflict(
      `Contacts are exchanged only after the introduction is accepted (it is ${intro.status}) / 对接被接受后才交换联系方式（当前状态：${intro.status}）`,
    );

  const t = intro.targetKind === 'mentor' ? mentorsTable : investorsTable;
  const [target] = await db
    .select({ id: t.id, name: t.name, contact: t.contact })
    .from(t)
    .where(eq(t.id, intro.targetId));
  const isTarget = actor.role === intro.targetKind && actor.subjectId === intro.targetId;
  const [project] = await db
    .select({ centerId: projectsTable.centerId })
    .from(projectsTable)
    .where(eq(projectsTable.id, intro.projectId));
  const founders = await db
    .select({
      id: foundersTable.id,
      name: foundersTable.name,
      contact: foundersTable.contact,
      consent: foundersTable.consent,
      centerId: foundersTable.centerId,
    })
    .from(projectFoundersTable)
    .innerJoin(foundersTable, eq(foundersTable.id, projectFoundersTable.founderId))
    .where(and(eq(projectFoundersTable.projectId, intro.projectId), isNull(foundersTable.erasedAt)))
    .orderBy(asc(projectFoundersTable.position));
  // The founders' side follows GET /v1/founders/{id} (the founders policy's hidden fields: admins,
  // staff of the founder's own center, the founder itself); the target sees consenting founders'
  // contacts only.
  const ctx = readContext(db, actor);
  const policyShows = new Set<string>();
  for (const f of founders)
    if (!(await founderResource.policy.hidden!(ctx, f)).includes('contact')) policyShows.add(f.id);
  const reveal = (f: (typeof founders)[number]) => policyShows.has(f.id) || (isTarget && !!f.consent?.shareContact);
  const shown = founders.filter(reveal);
  if (isTarget && shown.length) {
    await audit(
      db,
      actor,
      shown.map((f) => ({
        action: 'contact.reveal',
        entityKind: 'founder',
        entityId: f.id,
        centerId: project?.centerId ?? null,
        detail: {
          introductionId: intro.id,
          projectId: intro.projectId,
          to: { kind: intro.targetKind, id: intro.targetId },
        },
      })),
    );
  }
  return {
    introductionId: intro.id,
    status: intro.status,
    target: target
      ? { kind: intro.targetKind, id: target.id, name: target.name, contact: target.contact ?? null }
      : null,
    founders: founders.map((f) => ({
      id: f.id,
      name: f.name,
      contact: reveal(f) ? (f.contact ?? null) : null,
      shareContact: !!f.consent?.shareContact,
    })),
  };
}
