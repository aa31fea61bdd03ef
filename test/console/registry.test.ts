// The center staff's registry over HTTP: lists with totals and filters (Chinese and Tibetan search),
// a record's page, create and edit with errors in place, and the 404s for other centers and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { M, buildWorld, founderBody, type World } from '../auth/world.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { signedIn } from './accounts.ts';
import { type ConsoleClient, visibleText } from './client.ts';

let app: TestApp;
let w: World;
let staffA: ConsoleClient;
let tibetanFounder: string;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  const res = await app.request('POST', '/v1/founders', {
    body: {
      ...founderBody('བསོད་ནམས་རྡོ་རྗེ། 索朗多吉', 'wx-secret-tib', w.cA),
      groups: ['farmer_herder'],
      regionCode: '540202',
    },
  });
  tibetanFounder = res.body.id;
  staffA = (await signedIn(app, { login: 'reg.staff.a', role: 'center_staff', centerId: w.cA })).client;
}, 60_000);
afterAll(() => app?.close());

const text = async (client: ConsoleClient, path: string) => {
  const page = await client.get(path);
  expect(page.status, path).toBe(200);
  return visibleText(page.html);
};

describe('the registry lists', () => {
  it('shows the five lists with the totals the staff member may see', async () => {
    const page = await text(staffA, '/app/registry');
    // Center A: three founders (two of the world, one Tibetan), two projects; the directory is shared.
    expect(page).toContain('共 3 位创业者');
    expect(page).toContain('共 2 个项目');
    expect(page).toContain('共 2 位导师');
    expect(page).toContain('共 2 家投资方');
    const home = await staffA.get('/app');
    expect(home.html).toContain('href="/app/registry"');
  });

  it("lists the center's founders only, with export links that keep the filters", async () => {
    const page = await staffA.get('/app/registry/founders');
    expect(page.html).toContain(M.fA1Name);
    expect(page.html).not.toContain(M.fB1Name);
    expect(visibleText(page.html)).toContain('共 3 位创业者');
    expect(page.html).toContain(`href="/app/registry/founders/${w.fA1}"`);
    const filtered = await staffA.get('/app/registry/founders?group=farmer_herder&regionCode=540200');
    expect(visibleText(filtered.html)).toContain('共 1 位创业者');
    expect(filtered.html).toContain(`/app/registry/founders/${tibetanFounder}`);
    expect(filtered.html).toContain('href="/app/exports/founders.xlsx?regionCode=540200&amp;group=farmer_herder"');
    expect(filtered.html).toContain('href="/app/exports/founders.csv?regionCode=540200&amp;group=farmer_herder"');
    // A value the filter refuses is dropped, not an error page.
    const bad = await staffA.get('/app/registry/founders?group=astronaut&regionCode=999999');
    expect(bad.status).toBe(200);
    expect(visibleText(bad.html)).toContain('共 3 位创业者');
  });

  it('searches Tibetan and Chinese text', async () => {
    const tib = await staffA.get(`/app/registry/founders?q=${encodeURIComponent('བསོད་ནམས')}`);
    expect(visibleText(tib.html)).toContain('共 1 位创业者');
    expect(tib.html).toContain(tibetanFounder);
    const both = await staffA.get(`/app/registry/projects?q=${encodeURIComponent('青稞')}`);
    expect(visibleText(both.html)).toContain('共 2 个项目'); // in both descriptions
    const zh = await staffA.get(`/app/registry/projects?q=${encodeURIComponent('能量棒')}`);
    expect(visibleText(zh.html)).toContain('共 1 个项目'); // in one title
    expect(zh.html).toContain(`/app/registry/projects/${w.pAv}`);
    const none = await staffA.get(`/app/registry/projects?q=${encodeURIComponent('牦牛奶酪')}`); // center B's
    expect(visibleText(none.html)).toContain('共 0 个项目');
  });

  it('filters projects by status and sector, and mentors by sector', async () => {
    const vetted = await staffA.get('/app/registry/projects?status=vetted');
    expect(visibleText(vetted.html)).toContain('共 1 个项目');
    expect(vetted.html).toContain(M.pAvTitle);
    expect(vetted.html).not.toContain(M.pAsTitle);
    const sector = await staffA.get('/app/registry/projects?sector=clean_energy');
    expect(visibleText(sector.html)).toContain('共 0 个项目');
    const mentors = await staffA.get('/app/registry/mentors?sector=plateau_biology');
    expect(visibleText(mentors.html)).toContain('共 2 位导师');
  });

  it('pages through a list with the filters kept in the pager links', async () => {
    for (let i = 0; i < 21; i++) {
      await app.request('POST', '/v1/founders', {
        body: { ...founderBody(`翻页创业者 ${i}`, `wx-page-${i}`, w.cA), groups: ['student'] },
      });
    }
    const first = await staffA.get('/app/registry/founders?group=student');
    expect(visibleText(first.html)).toContain('共 21 位创业者');
    const next = /href="(\/app\/registry\/founders\?group=student&amp;cursor=[^"]+)"/.exec(first.html)?.[1];
    expect(next).toBeTruthy();
    const second = await staffA.get(next!.replaceAll('&amp;', '&'));
    expect(second.status).toBe(200);
    expect(second.html.match(/<li class="card">/g)?.length).toBe(1);
    expect(second.html).toContain('<a href="/app/registry/founders?group=student">回到第一页</a>');
    expect(second.html).not.toContain('rel="next"');
    // A cursor this list never handed out: the first page, not an error.
    expect((await staffA.get('/app/registry/founders?cursor=bm9wZQ')).status).toBe(200);
  });
});

describe('a record', () => {
  it("shows a founder in the reader's language with its projects as links", async () => {
    const page = await staffA.get(`/app/registry/founders/${w.fA1}?lang=en`);
    expect(page.status).toBe(200);
    const body = visibleText(page.html);
    expect(body).toContain('Chengguan District'); // region name in English
    expect(body).toContain(M.fA1Contact); // staff of its center see the contact
    expect(page.html).toContain(`href="/app/registry/projects/${w.pAv}"`);
    expect(page.html).toContain(`href="/app/registry/founders/${w.fA1}/edit"`);
    await staffA.get('/app/registry?lang=zh'); // the language is remembered: back to Chinese
  });

  it("shows a project's founders as links and its confidential notes to its center", async () => {
    const page = await staffA.get(`/app/registry/projects/${w.pAv}`);
    expect(page.html).toContain(`href="/app/registry/founders/${w.fA1}"`);
    expect(page.html).toContain(`href="/app/registry/founders/${w.fA2}"`);
  });

  it('shows mentors without an edit link to staff (admins manage the directory)', async () => {
    const page = await staffA.get(`/app/registry/mentors/${w.m1}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(M.m1Contact);
    expect(page.html).not.toContain('/edit"');
    expect((await staffA.get(`/app/registry/mentors/${w.m1}/edit`)).status).toBe(404);
    expect((await staffA.get('/app/registry/mentors/new')).status).toBe(404);
    expect((await staffA.post('/app/registry/mentors', { name: 'x' })).status).toBe(404);
    expect((await staffA.post(`/app/registry/mentors/${w.m1}`, { name: 'x' })).status).toBe(404);
    expect((await staffA.get('/app/registry/mentors')).html).not.toContain('href="/app/registry/mentors/new"');
  });
});

describe('create and edit', () => {
  it('creates a founder in the staff member’s own center, errors in place first', async () => {
    const form = await staffA.get('/app/registry/founders/new');
    expect(form.status).toBe(200);
    const bad = await staffA.post('/app/registry/founders', {
      name: '白玛央金',
      regionCode: '',
      languages: ['zh', 'bo'],
      graduationYear: 'last year',
      'contact.email': 'not-an-email',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('id="f-groups-error"');
    expect(bad.html).toContain('id="f-regionCode-error"');
    expect(bad.html).toContain('id="f-graduationYear-error"');
    expect(bad.html).toContain('id="f-contact.email-error"');
    expect(bad.html).toContain('value="白玛央金"');
    const good = await staffA.post('/app/registry/founders', {
      name: '白玛央金',
      groups: ['graduate', 'ich_inheritor'],
      regionCode: '540102',
      languages: ['bo', 'zh'],
      graduationYear: '2024',
      'contact.phone': '13900001234',
      // A center id in the form is ignored: staff write in their own center.
      centerId: w.cB,
    });
    expect(good.status, good.html.slice(0, 300)).toBe(303);
    const id = /\/app\/registry\/founders\/([0-9a-f-]{36})\?done=created/.exec(good.location!)?.[1];
    const stored = await app.request('GET', `/v1/founders/${id}`);
    expect(stored.body).toMatchObject({
      name: '白玛央金',
      centerId: w.cA,
      groups: ['graduate', 'ich_inheritor'],
      graduationYear: 2024,
      contact: { phone: '13900001234' },
    });
    expect(visibleText((await staffA.get(good.location!)).html)).toContain('已登记');
  });

  it('edits a founder: a bad value first, kept with its error, then saved', async () => {
    const form = await staffA.get(`/app/registry/founders/${w.fA2}/edit`);
    expect(form.html).toContain(`value="${M.fA2Name}"`);
    const bad = await staffA.post(`/app/registry/founders/${w.fA2}`, {
      name: '  ',
      groups: ['graduate'],
      regionCode: '540102',
      languages: [],
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('id="f-name-error"');
    expect(bad.html).toContain('id="f-languages-error"');
    const good = await staffA.post(`/app/registry/founders/${w.fA2}`, {
      name: `${M.fA2Name} 改`,
      groups: ['graduate'],
      regionCode: '540102',
      languages: ['zh'],
      interests: 'ཐང་ཀ། 唐卡',
      'contact.wechat': M.fA2Contact,
    });
    expect(good.status).toBe(303);
    const stored = await app.request('GET', `/v1/founders/${w.fA2}`);
    expect(stored.body).toMatchObject({
      name: `${M.fA2Name} 改`,
      interests: 'ཐང་ཀ། 唐卡',
      centerId: w.cA,
      contact: { wechat: M.fA2Contact },
    });
  });

  it('creates a project for a founder of the center, in the center', async () => {
    const form = await staffA.get(`/app/registry/projects/new?founderId=${w.fA1}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`value="${w.fA1}" selected`);
    expect(form.html).not.toContain(w.fB1); // another center's founder is not offered
    const bad = await staffA.post('/app/registry/projects', { title: '藏香', description: '', languages: ['zh'] });
    expect(bad.status).toBe(422);
    for (const f of ['founderId', 'description', 'sector', 'stage', 'regionCode'])
      expect(bad.html).toContain(`id="f-${f}-error"`);
    const otherCenter = await staffA.post('/app/registry/projects', {
      founderId: w.fB1,
      title: '藏香',
      description: '尼木藏香的电商销售',
      sector: 'culture_tourism',
      stage: 'idea',
      regionCode: '540123',
      languages: ['zh'],
    });
    expect(otherCenter.status).toBe(422);
    expect(otherCenter.html).toContain('id="f-founderId-error"');
    const good = await staffA.post('/app/registry/projects', {
      founderId: w.fA1,
      title: '尼木藏香 སྤོས།',
      description: '尼木藏香的电商销售',
      sector: 'culture_tourism',
      stage: 'idea',
      regionCode: '540123',
      needs: ['ecommerce'],
      languages: ['zh', 'bo'],
    });
    expect(good.status, good.html.slice(0, 300)).toBe(303);
    const id = /\/app\/registry\/projects\/([0-9a-f-]{36})/.exec(good.location!)![1];
    const stored = await app.request('GET', `/v1/projects/${id}`);
    expect(stored.body).toMatchObject({ centerId: w.cA, founderIds: [w.fA1], status: 'draft', needs: ['ecommerce'] });
    const found = await staffA.get(`/app/registry/projects?q=${encodeURIComponent('སྤོས')}`);
    expect(found.html).toContain(id);
  });

  it('lets admins register a mentor; staff may create services of their center', async () => {
    const admin = (await signedIn(app, { login: 'reg.admin', role: 'admin' })).client;
    const bad = await admin.post('/app/registry/mentors', { name: '', capacity: 'x', languages: ['zh'] });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('id="f-capacity-error"');
    expect(bad.html).toContain('id="f-regionCode-error"');
    const good = await admin.post('/app/registry/mentors', {
      name: '次仁 老师',
      regionCode: '540000',
      remote: 'true',
      active: 'true',
      capacity: '2',
      sectors: ['clean_energy'],
      languages: ['zh', 'bo'],
      bio: '光伏',
    });
    expect(good.status).toBe(303);
    const service = await staffA.post('/app/registry/services', {
      name: '商标注册代办',
      category: 'ip',
      provider: '拉萨知识产权服务站',
      description: '商标与专利申请',
      regionCodes: ['540100'],
      voucherEligible: 'true',
      languages: ['zh'],
    });
    expect(service.status).toBe(303);
    const id = /\/app\/registry\/services\/([0-9a-f-]{36})/.exec(service.location!)![1];
    expect((await app.request('GET', `/v1/services/${id}`)).body).toMatchObject({
      centerId: w.cA,
      voucherEligible: true,
    });
    // An investor whose minimum ticket exceeds the maximum: said in place, in the reader's language.
    const inv = await admin.post('/app/registry/investors', {
      name: '高原天使',
      kind: 'angel',
      ticketMinCny: '500000',
      ticketMaxCny: '1000',
      languages: ['zh'],
    });
    expect(inv.status).toBe(422);
    expect(inv.html).toContain('id="f-ticketMinCny-error"');
  });
});

describe('more writes', () => {
  it('edits a project of the center; its founders and status stay', async () => {
    const form = await staffA.get(`/app/registry/projects/${w.pAs}/edit`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`value="${M.pAsTitle}"`);
    const res = await staffA.post(`/app/registry/projects/${w.pAs}`, {
      title: `${M.pAsTitle} 2.0`,
      description: '藏文输入法',
      sector: 'digital_tech',
      stage: 'prototype',
      regionCode: '540102',
      languages: ['bo'],
      fundingNeedCny: 'lots',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('id="f-fundingNeedCny-error"');
    const ok = await staffA.post(`/app/registry/projects/${w.pAs}`, {
      title: `${M.pAsTitle} 2.0`,
      description: '藏文输入法',
      sector: 'digital_tech',
      stage: 'prototype',
      regionCode: '540102',
      languages: ['bo'],
      fundingNeedCny: '50000',
    });
    expect(ok.status).toBe(303);
    const stored = (await app.request('GET', `/v1/projects/${w.pAs}`)).body;
    expect(stored).toMatchObject({
      title: `${M.pAsTitle} 2.0`,
      founderIds: [w.fA1],
      status: 'submitted',
      centerId: w.cA,
      fundingNeedCny: 50000,
    });
  });

  it('keeps a county a service serves when its form is drawn again', async () => {
    const res = await app.request('PATCH', `/v1/services/${w.s1}`, { body: { regionCodes: ['540102'] } });
    expect(res.status).toBe(200);
    const form = await staffA.get(`/app/registry/services/${w.s1}/edit`);
    expect(form.html).toMatch(/value="540102" checked/);
  });

  it("lets staff edit their center's services only", async () => {
    expect((await staffA.get(`/app/registry/services/${w.s1}`)).html).toContain(`/app/registry/services/${w.s1}/edit`);
    const staffB = (await signedIn(app, { login: 'reg.staff.b2', role: 'center_staff', centerId: w.cB })).client;
    const seen = await staffB.get(`/app/registry/services/${w.s1}`);
    expect(seen.status).toBe(200); // services are public
    expect(seen.html).not.toContain('/edit"');
    expect((await staffB.get(`/app/registry/services/${w.s1}/edit`)).status).toBe(404);
    expect((await staffB.post(`/app/registry/services/${w.s1}`, { name: 'x' })).status).toBe(404);
  });

  it('lets admins choose the center of a founder', async () => {
    const admin = (await signedIn(app, { login: 'reg.admin2', role: 'admin' })).client;
    const form = await admin.get('/app/registry/founders/new');
    expect(form.html).toContain('name="centerId"');
    const res = await admin.post('/app/registry/founders', {
      name: '拉巴',
      groups: ['veteran'],
      regionCode: '540202',
      languages: ['bo'],
      centerId: w.cB,
    });
    expect(res.status).toBe(303);
    const id = /founders\/([0-9a-f-]{36})/.exec(res.location!)![1];
    expect((await app.request('GET', `/v1/founders/${id}`)).body.centerId).toBe(w.cB);
    // Staff are not asked: their own center is forced.
    expect((await staffA.get('/app/registry/founders/new')).html).not.toContain('name="centerId"');
  });
});

describe('who may open the registry', () => {
  it("gives staff of another center a 404 on center A's founder and project", async () => {
    const staffB = (await signedIn(app, { login: 'reg.staff.b', role: 'center_staff', centerId: w.cB })).client;
    for (const path of [
      `/app/registry/founders/${w.fA1}`,
      `/app/registry/founders/${w.fA1}/edit`,
      `/app/registry/projects/${w.pAv}`,
    ]) {
      const page = await staffB.get(path);
      expect(page.status, path).toBe(404);
      expect(page.html).not.toContain(M.fA1Name);
    }
    const post = await staffB.post(`/app/registry/founders/${w.fA1}`, { name: 'x' });
    expect(post.status).toBe(404);
    expect((await app.request('GET', `/v1/founders/${w.fA1}`)).body.name).toBe(M.fA1Name);
    expect((await staffB.get('/app/registry/nonsense')).status).toBe(404);
  });

  it('is not there for founders and mentors', async () => {
    const founder = (await signedIn(app, { login: 'reg.founder', role: 'founder', subjectId: w.fA1 })).client;
    const mentor = (await signedIn(app, { login: 'reg.mentor', role: 'mentor', subjectId: w.m1 })).client;
    for (const client of [founder, mentor]) {
      for (const path of ['/app/registry', '/app/registry/founders', `/app/registry/projects/${w.pAv}`]) {
        expect((await client.get(path)).status, path).toBe(404);
      }
      expect((await client.get('/app')).html).not.toContain('href="/app/registry"');
    }
  });
});
