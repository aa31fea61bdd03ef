// Dates and numbers on the console's pages: one format for every page. Dates as YYYY-MM-DD in
// Shanghai time (readable in every language, also where no Tibetan date format exists).
import type { Lang } from '../i18n/lang.ts';

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB', bo: 'zh-CN' };

export const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(LOCALE[lang]).format(n);

export const formatDate = (d: Date | string | null | undefined) =>
  d ? new Date(d).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : '';
