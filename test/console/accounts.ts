// Accounts for the console tests, made the way staff make them: an invitation link, then a password.
import { accountsTable } from '../../models/schema.ts';
import { newInvitation } from '../../src/accounts/invitations.ts';
import type { TestApp } from '../harness.ts';
import { ConsoleClient } from './client.ts';

export interface Invited {
  id: string;
  login: string;
  url: string;
}

export async function inviteAccount(
  app: TestApp,
  a: { login: string; role: string; subjectId?: string; centerId?: string; displayName?: string; lang?: string },
): Promise<Invited> {
  const invitation = newInvitation(168);
  const [row] = await app.db
    .insert(accountsTable)
    .values({ ...(a as any), ...invitation.columns })
    .returning({ id: accountsTable.id });
  return { id: row.id, login: a.login, url: invitation.url };
}

/** Invites, opens the link, sets the password: a signed-in client. */
export async function signedIn(app: TestApp, a: Parameters<typeof inviteAccount>[1], password = 'Yak-butter-tea-42') {
  const invited = await inviteAccount(app, a);
  const client = new ConsoleClient(app);
  await client.get(invited.url);
  const res = await client.post(invited.url, { password, password2: password });
  if (res.status !== 303) throw new Error(`activation failed: ${res.status} ${res.html.slice(0, 500)}`);
  await client.get(res.location!); // as a browser follows the redirect (and picks up the session's form token)
  return { client, ...invited, password };
}
