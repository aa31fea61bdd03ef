// Accounts for the console tests, made the way staff make them: POST /v1/accounts returns an
// invitation link, the person opens it and chooses a password.
import type { TestApp } from '../harness.ts';
import { ConsoleClient } from './client.ts';

export interface Invited {
  id: string;
  login: string;
  url: string;
}

export async function inviteAccount(
  app: TestApp,
  a: {
    login: string;
    role: string;
    subjectId?: string;
    centerId?: string;
    regionCode?: string;
    displayName?: string;
    lang?: string;
  },
  key?: string,
): Promise<Invited> {
  const res = await app.request('POST', '/v1/accounts', { body: a, key });
  if (res.status !== 201) throw new Error(`account creation failed: ${res.status} ${res.text}`);
  return { id: res.body.id, login: res.body.login, url: res.body.invitation.url };
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
