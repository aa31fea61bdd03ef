// OpenAPI definitions of the personal-data endpoints (PIPL): founder export and the contact
// exchange of an accepted introduction. Deleting a founder is the resource's DELETE (an erasure).
import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../openapi-common.ts';

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });
const Contact = z
  .object({ phone: z.string().optional(), email: z.string().optional(), wechat: z.string().optional() })
  .nullable();

export const FounderExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    founder: z.record(z.string(), z.any()).describe('the founder record with contact and consent'),
    projects: z
      .array(z.record(z.string(), z.any()))
      .describe(
        "the founder's projects the caller may read (as GET /v1/projects/{id} shows them: `confidential` only to its insiders)",
      ),
    projectInvitations: z
      .array(z.record(z.string(), z.any()))
      .describe('co-founder invitations the founder received or sent'),
    introductions: z.array(z.record(z.string(), z.any())).describe('introductions of those projects'),
    enrollments: z.array(z.record(z.string(), z.any())).describe("the founder's training enrolments"),
    trainingInvitations: z
      .array(z.record(z.string(), z.any()))
      .describe('training invitations addressed to the founder'),
    apiKeys: z
      .array(z.record(z.string(), z.any()))
      .describe('API keys bound to the founder (never the keys themselves)'),
    accounts: z
      .array(z.record(z.string(), z.any()))
      .describe('console accounts bound to the founder (never passwords or invitation links)'),
    audit: z
      .array(z.record(z.string(), z.any()))
      .describe('audit entries about the founder or those projects, as GET /v1/audit shows them to the caller'),
  })
  .openapi('FounderExport');

export const exportFounderRoute = createRoute({
  method: 'get',
  path: '/founders/{id}/export',
  tags: ['founders'],
  summary: 'Everything held about a founder (the founder, its center staff, admins; PIPL access/portability)',
  description: 'Others get 404. The export itself is audited (`founder.export`).',
  request: { params: idParam },
  responses: {
    200: { content: { 'application/json': { schema: FounderExportSchema } }, description: 'The export' },
    ...problemResponses(401, 404),
  },
});

export const IntroductionContactsSchema = z
  .object({
    introductionId: z.uuid(),
    status: z.enum(['accepted', 'ended']),
    target: z
      .object({ kind: z.enum(['mentor', 'investor']), id: z.uuid(), name: z.string(), contact: Contact })
      .nullable(),
    founders: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        contact: Contact.describe("null unless the caller may see it (the target: only with the founder's consent)"),
        shareContact: z.boolean().describe('the founder consented to share its contact with accepted counterparts'),
      }),
    ),
  })
  .openapi('IntroductionContacts');

export const introductionContactsRoute = createRoute({
  method: 'get',
  path: '/introductions/{id}/contacts',
  tags: ['introductions'],
  summary: 'Contacts of both sides of an accepted introduction',
  description:
    "For everyone who sees the introduction. The mentor/investor contact is shown to the project's founders; a founder's contact is shown to " +
    'the mentor/investor only when the founder consented (`consent.shareContact`), and each such reveal is audited. 409 before acceptance.',
  request: { params: idParam },
  responses: {
    200: { content: { 'application/json': { schema: IntroductionContactsSchema } }, description: 'The contacts' },
    ...problemResponses(401, 404, 409),
  },
});
