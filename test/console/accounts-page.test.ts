import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.ts';
import { ConsoleClient, visibleText } from './client.ts';
import { signedIn } from './accounts.ts';

let app: TestApp;
let centerA: string;
let centerB: string;
let founderA: string;
let founderB: string;
beforeAll(async () => {
  app = await startTestApp();
  const center = async (name: string) =>
    (await app.request('POST', '/v1/centers', { body: { name, kind: 'incubator', regionCode: '540102' } })).body.id;
  centerA = await center('中心甲');
  centerB = await center('中心乙');
  const founder = async (name: string, centerId: string) =>
    (
      await app.request('POST', '/v1/founders', {
        body: { name, groups: ['graduate'], regionCode: '540102', languages: ['zh', 'bo'], centerId },
      })
    ).body.id;
  founderA = await founder('创业者甲', centerA);
  founderB = await founder('创业者乙', centerB);
});
afterAll(() => app?.close());

const linkIn = (html: string) => /(http:\/\/localhost\/app\/invite\/[\w-]{43})/.exec(html)?.[1];

describe('account management in the console', () => {
  it('lets center staff invite their own founders, showing the link once', async () => {
    const { client } = await signedIn(app, { login: 'staff.a', role: 'center_staff', centerId: centerA });
    const page = await client.get('/app/accounts');
    expect(page.status).toBe(200);
    // Staff are offered founder and staff accounts only.
    expect(page.html).not.toContain('value="admin"');
    const res = await client.post('/app/accounts', {
      login: '13800001111',
      role: 'founder',
      subjectId: founderA,
      lang: 'bo',
    });
    expect(res.status).toBe(201);
    const link = linkIn(res.html)!;
    expect(link).toBeTruthy();
    // Shown once: the list page afterwards does not carry it.
    expect(linkIn((await client.get('/app/accounts')).html)).toBeUndefined();
    // The founder opens it in Tibetan (the language staff chose) and is in.
    const founder = new ConsoleClient(app);
    const invite = await founder.get(new URL(link).pathname);
    expect(invite.html).toContain('<html lang="bo">');
    const done = await founder.post(new URL(link).pathname, {
      password: 'Yak-butter-tea-42',
      password2: 'Yak-butter-tea-42',
    });
    expect(done.status).toBe(303);
  });

  it('marks bad input in place and refuses what staff may not do', async () => {
    const { client } = await signedIn(app, { login: 'staff.a2', role: 'center_staff', centerId: centerA });
    await client.get('/app/accounts');
    const missing = await client.post('/app/accounts', { login: 'x', role: 'founder' });
    expect(missing.status).toBe(422);
    expect(missing.html.match(/aria-invalid="true"/g)?.length).toBe(2); // login too short, subject missing
    expect(missing.html).toContain('value="x"'); // kept
    const otherCenter = await client.post('/app/accounts', {
      login: 'someone.b',
      role: 'founder',
      subjectId: founderB,
    });
    expect(otherCenter.status).toBe(422);
    expect(otherCenter.html).toContain('id="f-subjectId-error"');
    const admin = await client.post('/app/accounts', { login: 'wannabe.admin', role: 'admin' });
    expect(admin.status).toBe(422);
    expect(visibleText(admin.html)).toContain('只能创建创业者和本中心工作人员账号');
    const taken = await client.post('/app/accounts', { login: 'STAFF.A2', role: 'center_staff' });
    expect(taken.status).toBe(422);
    expect(taken.html).toContain('id="f-login-error"');
  });

  it('re-invites (old password dead) and disables (signed out at once)', async () => {
    const { client: admin } = await signedIn(app, { login: 'admin.console', role: 'admin' });
    const person = await signedIn(app, { login: 'person.x', role: 'founder', subjectId: founderA });
    await admin.get('/app/accounts');
    const again = await admin.post(`/app/accounts/${person.id}/invitation`, {});
    expect(again.status).toBe(200);
    expect(linkIn(again.html)).toBeTruthy();
    expect((await person.client.get('/app')).status).toBe(303); // sessions ended
    const retry = new ConsoleClient(app);
    expect((await retry.signIn(person.login, person.password)).status).toBe(401);

    const other = await signedIn(app, { login: 'person.y', role: 'founder', subjectId: founderA });
    await admin.get('/app/accounts');
    const disabled = await admin.post(`/app/accounts/${other.id}/disable`, {});
    expect(disabled.status).toBe(303);
    expect((await other.client.get('/app')).status).toBe(303);
  });

  it('never disables the account one is signed in with', async () => {
    const { client, id } = await signedIn(app, { login: 'admin.self', role: 'admin' });
    const page = await client.get('/app/accounts');
    expect(page.html).not.toContain(`/app/accounts/${id}/disable`);
    expect(page.html).not.toContain(`/app/accounts/${id}/invitation`); // it would end one's own sessions
    const res = await client.post(`/app/accounts/${id}/disable`, {});
    expect(res.status).toBe(409);
    expect(visibleText(res.html)).toContain('不能停用自己的账户');
    expect((await client.get('/app')).status).toBe(200);
  });

  it("lets staff re-invite and disable their center's founders and staff, and nobody else's (404)", async () => {
    const { client: staff } = await signedIn(app, { login: 'staff.a3', role: 'center_staff', centerId: centerA });
    const ownFounder = await signedIn(app, { login: 'founder.own', role: 'founder', subjectId: founderA });
    const colleague = await signedIn(app, { login: 'staff.colleague', role: 'center_staff', centerId: centerA });
    const otherFounder = await signedIn(app, { login: 'founder.other', role: 'founder', subjectId: founderB });
    const otherStaff = await signedIn(app, { login: 'staff.other', role: 'center_staff', centerId: centerB });
    const list = await staff.get('/app/accounts');
    expect(list.html).toContain(`/app/accounts/${ownFounder.id}/invitation`);
    expect(list.html).toContain(`/app/accounts/${colleague.id}/disable`);
    expect(list.html).not.toContain(otherFounder.id);
    expect(list.html).not.toContain(otherStaff.id);
    for (const a of [otherFounder, otherStaff]) {
      expect((await staff.post(`/app/accounts/${a.id}/invitation`, {})).status).toBe(404);
      expect((await staff.post(`/app/accounts/${a.id}/disable`, {})).status).toBe(404);
      expect((await a.client.get('/app')).status).toBe(200); // untouched
    }
    const again = await staff.post(`/app/accounts/${ownFounder.id}/invitation`, {});
    expect(linkIn(again.html)).toBeTruthy();
    expect((await staff.post(`/app/accounts/${colleague.id}/disable`, {})).status).toBe(303);
    expect((await colleague.client.get('/app')).status).toBe(303);
  });

  it('does not exist for the other roles', async () => {
    const { client } = await signedIn(app, { login: 'founder.nosy', role: 'founder', subjectId: founderB });
    expect((await client.get('/app/accounts')).status).toBe(404);
    expect((await client.post('/app/accounts', { login: 'sneaky', role: 'admin' })).status).toBe(404);
  });
});
