// A page showing every component of app.css, in zh, en or bo: the stylesheet's own test page (axe, overflow,
// screenshots) until, and next to, the console's real pages.
type Lang = 'zh' | 'en' | 'bo';

const text = {
  zh: {
    skip: '跳到正文',
    brand: '双创匹配',
    nav: ['首页', '我的项目', '引荐', '我的数据'],
    title: '青稞饮品合作社',
    lead: '拉萨市城关区 · 农牧业 · 已审核',
    tabs: ['导师', '投资人', '培训', '服务'],
    match: '次仁多吉（导师）',
    reasons: ['擅长农产品品牌与电商', '在拉萨，可面谈', '本月还可接受 2 个引荐'],
    request: '请求引荐',
    later: '稍后再说',
    remove: '删除项目',
    facts: [
      ['阶段', '产品已上市'],
      ['所需资金', '50 万元'],
      ['联系方式', 'wx-tsering（引荐被接受后可见）'],
    ],
    todo: ['张老师接受了你的引荐请求', '有 3 个新的匹配'],
    open: '查看',
    form: '编辑项目',
    name: '项目名称',
    nameHint: '2 到 80 个字',
    sector: '行业',
    summary: '项目简介',
    summaryError: '简介不能为空',
    share: '同意向已接受引荐的导师分享我的联系方式',
    save: '保存',
    saved: '已保存。',
    failed: '有 1 处需要修改。',
    badges: ['已接受', '待决定', '已拒绝', '新'],
    table: ['导师', '状态', '日期'],
    rows: [
      ['次仁多吉', '已接受', '2025-03-02'],
      ['王芳', '待决定', '2025-03-05'],
    ],
    empty: '还没有引荐。从匹配结果中请求一个吧。',
    prev: '← 上一页',
    next: '下一页 →',
    footer: '西藏双创资源匹配服务',
    score: '匹配度',
  },
  en: {
    skip: 'Skip to content',
    brand: 'Shuangchuang Match',
    nav: ['Home', 'My projects', 'Introductions', 'My data'],
    title: 'Highland Barley Drinks Cooperative',
    lead: 'Chengguan, Lhasa · Agriculture · Vetted',
    tabs: ['Mentors', 'Investors', 'Trainings', 'Services'],
    match: 'Tsering Dorje (mentor)',
    reasons: [
      'Expert in farm-product branding and e-commerce',
      'In Lhasa, can meet in person',
      'Can take 2 more introductions this month',
    ],
    request: 'Request an introduction',
    later: 'Not now',
    remove: 'Delete project',
    facts: [
      ['Stage', 'Product on the market'],
      ['Funding sought', 'CNY 500,000'],
      ['Contact', 'wx-tsering (shown once an introduction is accepted)'],
    ],
    todo: ['Ms Zhang accepted your introduction request', '3 new matches'],
    open: 'Open',
    form: 'Edit project',
    name: 'Project name',
    nameHint: '2 to 80 characters',
    sector: 'Sector',
    summary: 'Summary',
    summaryError: 'The summary cannot be empty',
    share: 'Share my contact with mentors whose introduction was accepted',
    save: 'Save',
    saved: 'Saved.',
    failed: 'One field needs your attention.',
    badges: ['Accepted', 'Waiting', 'Declined', 'New'],
    table: ['Mentor', 'State', 'Date'],
    rows: [
      ['Tsering Dorje', 'Accepted', '2025-03-02'],
      ['Wang Fang', 'Waiting', '2025-03-05'],
    ],
    empty: 'No introductions yet. Request one from your matches.',
    prev: '← Previous',
    next: 'Next →',
    footer: 'Tibet innovation and entrepreneurship matching',
    score: 'Match',
  },
  bo: {
    skip: 'ནང་དོན་ལ་མཆོང་།',
    brand: 'གསར་གཏོད་ཆ་སྒྲིག',
    nav: ['གཙོ་ངོས།', 'ངའི་ལས་གཞི།', 'ངོ་སྤྲོད།', 'ངའི་གཞི་གྲངས།'],
    title: 'ནས་ཀྱི་བཏུང་བ་མཉམ་ལས་ཁང་།',
    lead: 'ལྷ་ས་ཁྲིན་ཀོན་ཆུས། · ཞིང་འབྲོག · ཞིབ་བཤེར་བྱས་ཟིན།',
    tabs: ['ལམ་སྟོན་པ།', 'མ་རྩ་གཏོང་མཁན།', 'སྦྱོང་བརྡར།', 'ཞབས་ཞུ།'],
    match: 'ཚེ་རིང་རྡོ་རྗེ། (ལམ་སྟོན་པ།)',
    reasons: ['ཞིང་ཐོན་རྫས་ཀྱི་མཚོན་རྟགས་དང་དྲ་ཚོང་ལ་མཁས།', 'ལྷ་སར་ཡོད། ཐད་ཀར་ཐུག་ཐུབ།', 'ཟླ་བ་འདིར་ད་དུང་ངོ་སྤྲོད་ ༢ ལེན་ཐུབ།'],
    request: 'ངོ་སྤྲོད་ཞུ།',
    later: 'རྗེས་སུ།',
    remove: 'ལས་གཞི་སུབ།',
    facts: [
      ['གོ་རིམ།', 'ཐོན་རྫས་ཁྲོམ་ལ་ཐོན་ཟིན།'],
      ['དགོས་པའི་མ་རྩ།', 'སྒོར་ཁྲི་ ༥༠'],
      ['འབྲེལ་ལམ།', 'wx-tsering'],
    ],
    todo: ['ཀྲང་དགེ་རྒན་གྱིས་ཁྱེད་ཀྱི་ངོ་སྤྲོད་ཞུ་བ་དང་ལེན་བྱས།', 'ཆ་འགྲིག་གསར་པ་ ༣'],
    open: 'ཁ་ཕྱེ།',
    form: 'ལས་གཞི་བཟོ་བཅོས།',
    name: 'ལས་གཞིའི་མིང་།',
    nameHint: 'ཡིག་འབྲུ་ ༢ ནས་ ༨༠ བར།',
    sector: 'ལས་རིགས།',
    summary: 'ངོ་སྤྲོད་མདོར་བསྡུས།',
    summaryError: 'ངོ་སྤྲོད་མདོར་བསྡུས་སྟོང་པ་ཡིན་མི་ཆོག',
    share: 'ངོ་སྤྲོད་དང་ལེན་བྱས་པའི་ལམ་སྟོན་པར་ངའི་འབྲེལ་ལམ་སྟོན།',
    save: 'ཉར་ཚགས།',
    saved: 'ཉར་ཚགས་བྱས་ཟིན།',
    failed: 'བཟོ་བཅོས་དགོས་པ་གཅིག་ཡོད།',
    badges: ['དང་ལེན་བྱས།', 'སྒུག་བཞིན་པ།', 'ཁས་མ་བླངས།', 'གསར་པ།'],
    table: ['ལམ་སྟོན་པ།', 'གནས་སྟངས།', 'ཚེས་གྲངས།'],
    rows: [
      ['ཚེ་རིང་རྡོ་རྗེ།', 'དང་ལེན་བྱས།', '2025-03-02'],
      ['ཝང་ཧྥང་།', 'སྒུག་བཞིན་པ།', '2025-03-05'],
    ],
    empty: 'ད་དུང་ངོ་སྤྲོད་མེད། ཆ་འགྲིག་ནང་ནས་ཞུ་རོགས།',
    prev: '← སྔོན་མ།',
    next: 'རྗེས་མ། →',
    footer: 'བོད་ཀྱི་གསར་གཏོད་ཐོན་ཁུངས་ཆ་སྒྲིག་ཞབས་ཞུ།',
    score: 'ཆ་འགྲིག',
  },
} satisfies Record<Lang, unknown>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The full document, linking the served stylesheets by absolute path (the page is on the app's origin). */
export function componentsPage(lang: Lang): string {
  const t = text[lang];
  const htmlLang = lang === 'zh' ? 'zh-CN' : lang;
  const langLinks = (['zh', 'en', 'bo'] as const)
    .map((l) => {
      const label = { zh: '中文', en: 'English', bo: 'བོད་ཡིག' }[l];
      const attrs = l === lang ? ' aria-current="true"' : '';
      const own = l === 'zh' ? 'zh-CN' : l;
      return `<a href="?lang=${l}" lang="${own}" hreflang="${own}"${attrs}>${label}</a>`;
    })
    .join('');
  return `<!doctype html>
<html lang="${htmlLang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)} · ${esc(t.brand)}</title>
<link rel="stylesheet" href="/app/assets/fonts.css"><link rel="stylesheet" href="/app/assets/app.css">
</head><body>
<a class="skip" href="#main">${esc(t.skip)}</a>
<header class="top">
  <a class="brand" href="/app">${esc(t.brand)}</a>
  <nav class="nav" aria-label="${esc(t.brand)}">${t.nav.map((n, i) => `<a href="#n${i}"${i === 1 ? ' aria-current="page"' : ''}>${esc(n)}</a>`).join('')}</nav>
  <nav class="langs" aria-label="Language / 语言 / སྐད་ཡིག">${langLinks}</nav>
</header>
<main id="main">
  <h1>${esc(t.title)}</h1>
  <p class="muted">${esc(t.lead)} <span class="badge ok">${esc(t.badges[0])}</span></p>
  <div class="notice success" role="status"><p>${esc(t.saved)}</p></div>
  <section aria-labelledby="todo"><h2 id="todo">${esc(t.nav[0])}</h2>
  <ul class="todo">${t.todo.map((x) => `<li><span>${esc(x)}</span><a class="button secondary" href="#">${esc(t.open)}</a></li>`).join('')}</ul></section>
  <nav class="tabs" aria-label="${esc(t.tabs.join(' / '))}">${t.tabs.map((x, i) => `<a href="#t${i}"${i === 0 ? ' aria-current="page"' : ''}>${esc(x)}</a>`).join('')}</nav>
  <ul class="list">
    <li class="card"><h3>${esc(t.match)} <span class="badge info">${esc(t.badges[3])}</span></h3>
      <p class="score"><meter min="0" max="100" value="82" aria-label="${esc(t.score)}">82</meter><span>82</span></p>
      <ul class="reasons">${t.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
      <div class="actions"><form method="post" action="#"><button type="submit">${esc(t.request)}</button></form>
      <a class="button secondary" href="#">${esc(t.later)}</a></div></li>
    <li class="card"><h3>${esc(t.rows[1]![0]!)} <span class="badge warn">${esc(t.badges[1])}</span></h3>
      <p class="score"><span class="bar" role="img" aria-label="${esc(t.score)} 64"><span style="width:64%"></span></span><span>64</span></p></li>
  </ul>
  <dl class="facts">${t.facts.map(([k, v]) => `<dt>${esc(k!)}</dt><dd>${esc(v!)}</dd>`).join('')}</dl>
  <section aria-labelledby="edit"><h2 id="edit">${esc(t.form)}</h2>
  <div class="notice error" role="alert"><p>${esc(t.failed)}</p></div>
  <form method="post" action="#" novalidate>
    <div class="field"><label for="f-name">${esc(t.name)}</label>
      <input id="f-name" name="title" value="${esc(t.title)}" aria-describedby="f-name-hint">
      <p class="hint" id="f-name-hint">${esc(t.nameHint)}</p></div>
    <div class="field"><label for="f-sector">${esc(t.sector)}</label>
      <select id="f-sector" name="sector"><option>${esc(t.lead.split(' · ')[1]!)}</option></select></div>
    <div class="field"><label for="f-summary">${esc(t.summary)}</label>
      <textarea id="f-summary" name="summary" aria-invalid="true" aria-describedby="f-summary-error"></textarea>
      <p class="field-error" id="f-summary-error">${esc(t.summaryError)}</p></div>
    <div class="field"><label class="check"><input type="checkbox" name="share" checked> ${esc(t.share)}</label></div>
    <div class="actions"><button type="submit">${esc(t.save)}</button>
      <button type="button" class="danger" data-confirm="?">${esc(t.remove)}</button></div>
  </form></section>
  <table><caption>${esc(t.nav[2])}</caption>
    <thead><tr>${t.table.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${t.rows.map((r, i) => `<tr><td data-label="${esc(t.table[0]!)}">${esc(r[0]!)}</td><td data-label="${esc(t.table[1]!)}"><span class="badge ${i ? 'warn' : 'ok'}">${esc(r[1]!)}</span></td><td data-label="${esc(t.table[2]!)}">${esc(r[2]!)}</td></tr>`).join('')}</tbody>
  </table>
  <div class="empty"><p>${esc(t.empty)}</p></div>
  <nav class="pager" aria-label="${esc(t.prev)} / ${esc(t.next)}"><a href="#" rel="prev">${esc(t.prev)}</a><a href="#" rel="next">${esc(t.next)}</a></nav>
</main>
<footer><p>${esc(t.footer)}</p></footer>
<script src="/app/assets/console.js"></script>
</body></html>`;
}
