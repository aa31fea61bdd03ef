// Templates: the header row and one example row, and a second sheet saying what each column takes
// (allowed values in the reader's language). The importer reads only the first sheet.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../models/enums.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { allowedValues, formatCell } from './cells.ts';
import { type Column, columnsOf, type SheetResource } from './columns.ts';
import { headerOf } from './headers.ts';

/** One plausible record per resource, in body form (codes), shown in the reader's language. */
const EXAMPLES: Record<SheetResource, Record<string, unknown>> = {
  founders: {
    externalId: 'F-0001',
    name: '次仁卓玛',
    groups: ['graduate'],
    regionCode: '540102',
    languages: ['bo', 'zh'],
    educationLevel: '本科',
    graduationYear: 2024,
    interests: '牦牛乳制品',
    'contact.phone': '13800000000',
    'consent.shareContact': false,
  },
  projects: {
    externalId: 'P-0001',
    title: '青稞能量棒',
    description: '用本地青稞做便携零食。',
    sector: 'plateau_biology',
    stage: 'prototype',
    regionCode: '540102',
    needs: ['finance_tax'],
    fundingNeedCny: 200000,
    languages: ['zh', 'bo'],
    founderIds: ['F-0001'],
  },
  mentors: {
    externalId: 'M-0001',
    name: '王老师',
    bio: '十年食品行业经验。',
    expertise: ['project_planning'],
    sectors: ['plateau_biology'],
    languages: ['zh'],
    regionCode: '540100',
    remote: true,
    capacity: 5,
    active: true,
  },
  investors: {
    externalId: 'I-0001',
    name: '高原天使基金',
    kind: 'angel',
    thesis: '早期高原特色产业。',
    sectors: ['plateau_biology'],
    stages: ['idea', 'prototype'],
    ticketMinCny: 100000,
    ticketMaxCny: 1000000,
    regionCodes: ['540000'],
    active: true,
  },
  services: {
    externalId: 'S-0001',
    name: '企业注册代办',
    category: 'registration',
    provider: '政务窗口',
    description: '三个工作日办结。',
    regionCodes: ['540100'],
    voucherEligible: false,
    languages: ['zh', 'bo'],
  },
  trainings: {
    externalId: 'T-0001',
    title: '电商运营训练营',
    description: '两周集中培训。',
    provider: '拉萨创业培训基地',
    providerKind: 'training_base',
    topics: ['project_planning'],
    targetGroups: ['graduate'],
    stages: ['idea'],
    regionCode: '540100',
    mode: 'onsite',
    seats: 30,
    startsOn: '2026-03-01',
    endsOn: '2026-03-14',
    languages: ['zh', 'bo'],
  },
  centers: { externalId: 'C-0001', name: '拉萨众创空间', regionCode: '540102', kind: 'makerspace', pilot: false },
};

function howTo(col: Column, lang: Lang): string {
  if (col.key === 'externalId') return t(lang, 'sheets.tpl.externalId');
  const kind = col.kind === 'int' ? 'int' : col.kind;
  return t(lang, `sheets.tpl.kind.${kind}` as MessageKey, { allowed: allowedValues(col, lang) });
}

const exampleRow = (resource: SheetResource, lang: Lang) =>
  columnsOf(resource).map((c) => formatCell(c, EXAMPLES[resource][c.key], lang) ?? '');

export async function templateXlsx(resource: SheetResource, lang: Lang): Promise<Buffer> {
  const cols = columnsOf(resource);
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet(t(lang, `sheets.res.${resource}` as MessageKey));
  data.addRow(cols.map((c) => headerOf(c, lang) + (c.required ? ' *' : '')));
  data.getRow(1).font = { bold: true };
  data.addRow(exampleRow(resource, lang));
  cols.forEach((_, i) => {
    data.getColumn(i + 1).width = 18;
  });
  const help = wb.addWorksheet(t(lang, 'sheets.tpl.sheet'));
  help.addRow([
    t(lang, 'sheets.tpl.column'),
    t(lang, 'sheets.tpl.code'),
    t(lang, 'sheets.tpl.required'),
    t(lang, 'sheets.tpl.how'),
  ]);
  help.getRow(1).font = { bold: true };
  for (const c of cols)
    help.addRow([headerOf(c, lang), c.key, c.required ? t(lang, 'sheets.yes') : t(lang, 'sheets.no'), howTo(c, lang)]);
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 22;
  help.getColumn(4).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV template: header and example row only (CSV has one sheet), UTF-8 with BOM for Excel. */
export function templateCsv(resource: SheetResource, lang: Lang): Buffer {
  const cols = columnsOf(resource);
  return Buffer.from(stringify([cols.map((c) => headerOf(c, lang)), exampleRow(resource, lang)], { bom: true }));
}
