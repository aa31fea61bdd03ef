// The world two retrieval tests share: a Lhasa founder's yak-butter shop project, and the bios its
// candidate mentors are written from (two of them, 0 and 12, about Taobao/Douyin e-commerce).
import { expect } from 'vitest';
import type { TestApp } from '../harness.ts';

export const MENTOR_BIOS = [
  '十年淘宝和抖音电商运营',
  '藏药材种植与加工',
  '光伏电站运维',
  '民宿经营与乡村旅游',
  '财税代账与发票管理',
  'Cross-border logistics via Gyirong port',
  '唐卡与非遗文创设计',
  '牦牛乳制品加工工艺',
  'Angel investor in digital startups',
  '创业担保贷款申请辅导',
  '知识产权与商标注册',
  '直播带货与短视频营销',
];

/** Creates the founder and the shop project (submitted, needs marketing) through the API. */
export async function createShopProject(t: TestApp): Promise<{ founderId: string; projectId: string }> {
  const f = await t.request('POST', '/v1/founders', {
    body: { name: '央金', groups: ['graduate'], regionCode: '540102', languages: ['zh'] },
  });
  expect(f.status, f.text).toBe(201);
  const p = await t.request('POST', '/v1/projects', {
    body: {
      title: '酥油微店',
      description: '想开个微店卖酥油和牦牛酸奶，需要电商运营和营销指导',
      sector: 'plateau_biology',
      stage: 'prototype',
      regionCode: '540102',
      founderIds: [f.body.id],
      needs: ['marketing'],
      languages: ['zh'],
      status: 'submitted',
    },
  });
  expect(p.status, p.text).toBe(201);
  return { founderId: f.body.id, projectId: p.body.id };
}
