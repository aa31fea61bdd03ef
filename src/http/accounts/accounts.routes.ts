// OpenAPI definitions of the account endpoints (src/accounts/accounts.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { accountCreateSchema, accountListQuerySchema } from '../../../models/accounts/validation.ts';
import { ACCOUNT_STATUSES, LANGS, ROLES } from '../../../models/enums.ts';
import { jsonOk, problemResponses } from '../openapi-common.ts';

const tags = ['accounts'];
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) });

export const AccountSchema = z
  .object({
    id: z.uuid(),
    login: z.string().describe('unique case-insensitively'),
    displayName: z.string().nullable(),
    role: z.enum(ROLES),
    subjectId: z.string().nullable().describe('founder/mentor/investor id, or the trainer’s provider name'),
    centerId: z.uuid().nullable().describe('center_staff’s center'),
    regionCode: z.string().nullable().describe('region_admin’s region (the region, a prefecture or a county)'),
    lang: z.enum(LANGS),
    status: z.enum(ACCOUNT_STATUSES),
    invitationExpiresAt: z.iso.datetime().nullable().describe('when the pending invitation link expires'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Account');
const InvitedAccount = AccountSchema.extend({
  invitation: z
    .object({
      url: z.string().describe('`/app/invite/<token>`: shown only in this response'),
      expiresAt: z.iso.datetime(),
    })
    .describe('the one-time link the person opens to choose a password'),
}).openapi('InvitedAccount');
const AccountPage = z
  .object({ items: z.array(AccountSchema), nextCursor: z.string().nullable() })
  .openapi('AccountPage');

const WHO =
  'Admins manage every account; center staff the founder accounts of their center’s founders and the center_staff accounts ' +
  'of their center. Others: 403 on create and list, 404 on any account id.';

export const createAccountRoute = createRoute({
  method: 'post',
  path: '/accounts',
  tags,
  summary: 'Create an account and its invitation link',
  description:
    `${WHO} The role and binding are validated exactly as for API keys (a live founder, mentor or investor id; a trainer's ` +
    'provider name; a center for center_staff; a region code for region_admin, which only admins create; none for admin); center staff creating a center_staff account get their own ' +
    'center unless they name it. `login` is unique case-insensitively (409 with path `login`, also for concurrent ' +
    'creations). The invitation link is shown once and expires after INVITATION_TTL_HOURS (default 7 days). Audited as ' +
    '`account.created`.',
  request: {
    body: {
      content: { 'application/json': { schema: accountCreateSchema.openapi('AccountInput') } },
      required: true,
    },
  },
  responses: { 201: jsonOk(InvitedAccount, 'Created'), ...problemResponses(400, 401, 403, 409, 415, 422) },
});

export const listAccountsRoute = createRoute({
  method: 'get',
  path: '/accounts',
  tags,
  summary: 'List accounts (admins: all; center staff: their center’s)',
  description: WHO,
  request: { query: accountListQuerySchema },
  responses: { 200: jsonOk(AccountPage, 'A page of accounts, oldest first'), ...problemResponses(400, 401, 403) },
});

export const getAccountRoute = createRoute({
  method: 'get',
  path: '/accounts/{id}',
  tags,
  summary: 'Get an account',
  description: WHO,
  request: { params: idParam },
  responses: { 200: jsonOk(AccountSchema, 'The account'), ...problemResponses(401, 404) },
});

export const reissueInvitationRoute = createRoute({
  method: 'post',
  path: '/accounts/{id}/invitation',
  tags,
  summary: 'Issue a new invitation link (forgotten password)',
  description:
    `${WHO} The password is cleared, the account is \`invited\` again and every session ends: the old password and ` +
    'sessions stop working at once. 409 when the person or center it is bound to no longer exists. Audited as `account.invited`.',
  request: { params: idParam },
  responses: { 200: jsonOk(InvitedAccount, 'The account with its new link'), ...problemResponses(401, 403, 404, 409) },
});

export const disableAccountRoute = createRoute({
  method: 'post',
  path: '/accounts/{id}/disable',
  tags,
  summary: 'Disable an account',
  description:
    `${WHO} Its password and invitation link are cleared and its sessions end at once; a new invitation enables it again. ` +
    'Audited as `account.disabled`.',
  request: { params: idParam },
  responses: { 200: jsonOk(AccountSchema, 'The disabled account'), ...problemResponses(401, 403, 404) },
});
