import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { ConsoleClient, visibleText } from './client.ts';
import { signedIn } from './accounts.ts';

let app: TestApp;
let mentorA: string;
let mentorB: string;
beforeAll(async () => {
  app = await startTestApp();
  const mentor = (name: string) =>
    app.request('POST', '/v1/mentors', {
      body: {
        name,
        bio: '食品加工与市场营销',
        expertise: ['marketing'],
        sectors: ['plateau_biology'],
        languages: ['zh'],
        regionCode: '540102',
        remote: true,
        capacity: 2,
        active: true,
      },
    });
  mentorA = (await mentor('导师甲')).body.id;
  mentorB = (await mentor('导师乙')).body.id;
});
afterAll(() => app?.close());

describe('my account', () => {
  it('lists and revokes only the API keys bound to the account itself', async () => {
    const own = await app.keyFor('mentor', { subjectId: mentorA });
    const other = await app.keyFor('mentor', { subjectId: mentorB });
    const { client } = await signedIn(app, { login: 'mentor.keys', role: 'mentor', subjectId: mentorA });
    const page = await client.get('/app/account');
    expect(page.status).toBe(200);
    expect(page.html).toContain(own.slice(0, 10));
    expect(page.html).not.toContain(other.slice(0, 10));
    const ownId = /action="\/app\/account\/keys\/([0-9a-f-]{36})\/revoke"/.exec(page.html)![1];

    // Someone else's key by id is a 404 page, and that key keeps working.
    const others = await app.request('GET', '/v1/api-keys');
    const otherId = others.body.items.find((k: { prefix: string }) => other.startsWith(k.prefix)).id;
    expect((await client.post(`/app/account/keys/${otherId}/revoke`, {})).status).toBe(404);
    expect((await app.request('GET', '/v1/mentors', { key: other })).status).toBe(200);

    const done = await client.post(`/app/account/keys/${ownId}/revoke`, {});
    expect(done.status).toBe(303);
    const after = await client.get(done.location!);
    expect(visibleText(after.html)).toContain('密钥已吊销');
    expect((await app.request('GET', '/v1/mentors', { key: own })).status).toBe(401);
  });

  it('keeps the preferred language for the next sign-in', async () => {
    const { client, login, password } = await signedIn(app, { login: 'lang.pref', role: 'mentor', subjectId: mentorA });
    await client.get('/app/account');
    const saved = await client.post('/app/account/language', { lang: 'bo' });
    expect(saved.status).toBe(303);
    const page = await client.get(saved.location!);
    expect(page.html).toContain('<html lang="bo">');
    // A new browser (no language cookie) signs in and reads Tibetan.
    const fresh = new ConsoleClient(app);
    await fresh.signIn(login, password);
    expect((await fresh.get('/app')).html).toContain('<html lang="bo">');
    // A language that is not offered changes nothing.
    await client.get('/app/account');
    expect((await client.post('/app/account/language', { lang: 'xx' })).status).toBe(303);
  });
});
