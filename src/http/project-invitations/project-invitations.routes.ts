// OpenAPI definitions of the co-founder invitation endpoints (src/engagement/project-invitations.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { PROJECT_INVITATION_STATUSES } from '../../../models/enums.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['projects'];
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });

export const ProjectInvitationSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectTitle: z.string().describe('what the invitee is asked to join'),
    founderId: z.uuid().describe('the invited founder'),
    invitedBy: z.uuid().nullable().describe('the founder who invited'),
    status: z.enum(PROJECT_INVITATION_STATUSES),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable().describe('when it was accepted, declined or withdrawn'),
  })
  .openapi('ProjectInvitation');
const ProjectInvitationPage = z
  .object({ items: z.array(ProjectInvitationSchema), nextCursor: z.string().nullable() })
  .openapi('ProjectInvitationPage');

export const listProjectInvitations = createRoute({
  method: 'get',
  path: '/project-invitations',
  tags,
  summary: 'List co-founder invitations the caller sees',
  description:
    "A founder naming another founder in a project's founderIds invites it; the invitee joins the project (founderIds) only by " +
    "accepting. Seen by the invitee, the founder who invited, the project's center staff and admins; others see none.",
  request: {
    query: z.object({
      status: z.enum(PROJECT_INVITATION_STATUSES).optional(),
      projectId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('page size (1–200, default 50)'),
      cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
    }),
  },
  responses: { 200: jsonOk(ProjectInvitationPage, 'A page of invitations'), ...problemResponses(400, 401) },
});

export const getProjectInvitation = createRoute({
  method: 'get',
  path: '/project-invitations/{id}',
  tags,
  summary: 'Get a co-founder invitation',
  request: { params: idParam },
  responses: { 200: jsonOk(ProjectInvitationSchema, 'The invitation'), ...problemResponses(401, 404) },
});

const decision = (action: 'accept' | 'decline', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/project-invitations/{id}/${action}`,
    tags,
    summary,
    description,
    request: { params: idParam },
    responses: {
      200: jsonOk(ProjectInvitationSchema, 'The updated invitation'),
      ...problemResponses(401, 403, 404, 409),
    },
  });

export const acceptProjectInvitation = decision(
  'accept',
  'Accept a co-founder invitation (the invitee or an admin)',
  'Only while pending (409 otherwise); 404 when the project no longer exists. The invitee becomes a founder of the project ' +
    '(audited as project_invitation.accept): it then reads the project and its co-founders, and its contact (with its consent) goes to ' +
    "the project's accepted introductions.",
);
export const declineProjectInvitation = decision(
  'decline',
  'Decline a co-founder invitation (the invitee or an admin)',
  'Only while pending (409 otherwise). The founder is not invited to the project again (naming it in founderIds is then 409); the ' +
    "project's center staff or an admin may still add it.",
);
