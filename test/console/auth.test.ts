import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountsTable } from '../../models/schema.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { ConsoleClient, visibleText } from './client.ts';
import { inviteAccount, signedIn } from './accounts.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('sign-in pages', () => {
  it('are Chinese by default, switch with ?lang= and remember it', async () => {
    const c = new ConsoleClient(app);
    const zh = await c.get('/app/login');
    expect(zh.status).toBe(200);
    expect(zh.html).toContain('<html lang="zh-Hans">');
    expect(visibleText(zh.html)).toContain('登录名');
    const bo = await c.get('/app/login?lang=bo');
    expect(bo.html).toContain('<html lang="bo">');
    expect(visibleText(bo.html)).toContain('ནང་འཛུལ་མིང་།');
    const again = await c.get('/app/login');
    expect(again.html).toContain('<html lang="bo">');
    const en = await c.get('/app/login?lang=en');
    expect(visibleText(en.html)).toContain('Sign in');
    // An unknown language is ignored, not an error.
    expect((await c.get('/app/login?lang=xx')).status).toBe(200);
  });

  it('send anonymous visitors to sign in, and back afterwards', async () => {
    const c = new ConsoleClient(app);
    const res = await c.get('/app/account?tab=keys');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app/login?next=%2Fapp%2Faccount%3Ftab%3Dkeys');
    const { client, login, password } = await signedIn(app, { login: 'back.after@example.org', role: 'admin' });
    await client.post('/app/logout', {});
    const back = await client.get('/app/login?next=%2Fapp%2Faccount');
    expect(back.status).toBe(200);
    const done = await client.post('/app/login', { login, password, next: '/app/account' });
    expect(done.location).toBe('/app/account');
    // Never an open redirect.
    await client.get('/app');
    expect((await client.post('/app/logout', {})).status).toBe(303);
    expect((await client.get('/app/login')).status).toBe(200);
    const evil = await client.post('/app/login', { login, password, next: '//evil.example/app' });
    expect(evil.location).toBe('/app');
  });
});

describe('invitation links', () => {
  it('set the password once, sign the person in, and refuse weak passwords in place', async () => {
    const invited = await inviteAccount(app, { login: 'Dolma.Invite', role: 'admin', displayName: '卓玛' });
    const c = new ConsoleClient(app);
    const page = await c.get(invited.url);
    expect(page.status).toBe(200);
    expect(page.html.match(/type="password"/g)).toHaveLength(2);
    expect(visibleText(page.html)).toContain('卓玛');

    const mismatch = await c.post(invited.url, { password: 'Yak-butter-tea-42', password2: 'Yak-butter-tea-43' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.html).toContain('两次输入的密码不一致');
    const common = await c.post(invited.url, { password: 'qwertyuiop', password2: 'qwertyuiop' });
    expect(common.status).toBe(422);
    expect(common.html).toContain('aria-invalid="true"');
    expect(visibleText(common.html)).toContain('这个密码太常见');
    const short = await c.post(invited.url, { password: 'short1!', password2: 'short1!' });
    expect(visibleText(short.html)).toContain('至少需要 10 个字符');
    const likeLogin = await c.post(invited.url, { password: 'xx-dolma.invite-xx', password2: 'xx-dolma.invite-xx' });
    expect(visibleText(likeLogin.html)).toContain('不能包含登录名');

    const ok = await c.post(invited.url, { password: 'Yak-butter-tea-42', password2: 'Yak-butter-tea-42' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/app');
    const home = await c.get('/app');
    expect(home.status).toBe(200);
    expect(visibleText(home.html)).toContain('卓玛');

    // Used once: the link is dead now, for anyone.
    const reuse = await new ConsoleClient(app).get(invited.url);
    expect(reuse.status).toBe(404);
    expect(visibleText(reuse.html)).toContain('邀请链接无效');
    expect((await new ConsoleClient(app).get('/app/invite/not-a-token')).status).toBe(404);
  });
});

describe('sessions', () => {
  it('set an HttpOnly, SameSite=Lax cookie scoped to /app, Secure over HTTPS', async () => {
    const { client, login, password } = await signedIn(app, { login: 'cookie.flags', role: 'admin' });
    await client.post('/app/logout', {});
    await client.get('/app/login');
    const res = await client.post('/app/login', { login, password });
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/app/);
    expect(cookie).not.toMatch(/Secure/i);

    const https = await app.service.app.request('https://localhost/app/login');
    const pre = https.headers.getSetCookie().find((l) => l.startsWith('pre_csrf='))!;
    expect(pre).toMatch(/Secure/);
  });

  it('start with a new id at every sign-in (no fixation) and end at sign-out', async () => {
    const { client, login, password } = await signedIn(app, { login: 'fixation', role: 'admin' });
    const first = client.cookies.get('sid')!;
    // An attacker-planted id is replaced, and the old session is gone.
    client.cookies.set('sid', 'planted-by-someone-else');
    await client.signIn(login, password);
    const second = client.cookies.get('sid')!;
    expect(second).not.toBe('planted-by-someone-else');
    expect(second).not.toBe(first);
    const stale = new ConsoleClient(app);
    stale.cookies.set('sid', first);
    expect((await stale.get('/app')).status).toBe(200); // signing in again elsewhere keeps other sessions
    await client.post('/app/logout', {});
    const after = new ConsoleClient(app);
    after.cookies.set('sid', second);
    expect((await after.get('/app')).status).toBe(303);
  });

  it('end at once when the account is disabled', async () => {
    const { client, id } = await signedIn(app, { login: 'soon.disabled', role: 'admin' });
    expect((await client.get('/app')).status).toBe(200);
    await app.db.update(accountsTable).set({ status: 'disabled' }).where(eq(accountsTable.id, id));
    const res = await client.get('/app');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/app\/login/);
  });
});

describe('CSRF', () => {
  it('refuses a form without the token, with a wrong token, or from another site', async () => {
    const { client } = await signedIn(app, { login: 'csrf.target', role: 'admin' });
    const noToken = await client.post('/app/logout', {}, { csrf: null });
    expect(noToken.status).toBe(403);
    expect(visibleText(noToken.html)).toContain('表单已过期或来源不明');
    expect((await client.post('/app/logout', {}, { csrf: 'x'.repeat(32) })).status).toBe(403);
    expect((await client.post('/app/logout', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect(
      (await client.post('/app/logout', {}, { origin: null, headers: { 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403);
    // Still signed in: nothing happened.
    expect((await client.get('/app')).status).toBe(200);
    // A JSON body is no form: refused too.
    const json = await app.service.app.request('http://localhost/app/logout', {
      method: 'POST',
      headers: { cookie: client.cookieHeader(), 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ _csrf: client.csrf }),
    });
    expect(json.status).toBe(403);
  });

  it('protects the sign-in form too', async () => {
    const c = new ConsoleClient(app);
    await c.get('/app/login');
    expect((await c.post('/app/login', { login: 'a', password: 'b' }, { csrf: null })).status).toBe(403);
  });
});

describe('sign-in throttling', () => {
  it('delays one login after repeated failures without blocking another', async () => {
    const victim = await signedIn(app, { login: 'throttled.one', role: 'admin' });
    const other = await signedIn(app, { login: 'throttled.other', role: 'admin' });
    const attacker = new ConsoleClient(app);
    await attacker.get('/app/login');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await attacker.post('/app/login', { login: 'THROTTLED.ONE', password: 'wrong-password-1' })).status,
      );
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[4]).toBe(429);
    // The right password waits too: the delay is per login, not per guess.
    const blocked = await attacker.post('/app/login', { login: victim.login, password: victim.password });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another login from the same address signs in at once.
    const fine = await attacker.post('/app/login', { login: other.login, password: other.password });
    expect(fine.status).toBe(303);
    // Unknown logins are throttled the same way (no hint of which logins exist).
    const ghost = new ConsoleClient(app);
    await ghost.get('/app/login');
    const ghostStatuses: number[] = [];
    for (let i = 0; i < 5; i++)
      ghostStatuses.push(
        (await ghost.post('/app/login', { login: 'nobody.here', password: 'wrong-password-1' })).status,
      );
    expect(ghostStatuses).toEqual(statuses);
  });

  it('answers an empty form with the fields marked', async () => {
    const c = new ConsoleClient(app);
    await c.get('/app/login');
    const res = await c.post('/app/login', { login: '', password: '' });
    expect(res.status).toBe(422);
    expect(res.html.match(/aria-invalid="true"/g)).toHaveLength(2);
  });
});

describe('pages out of reach', () => {
  it('answer a 404 page that says nothing about the record', async () => {
    const { client } = await signedIn(app, { login: 'nf.reader', role: 'admin' });
    const res = await client.get('/app/no-such-page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(visibleText(res.html)).toContain('页面不存在');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
