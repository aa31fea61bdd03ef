// Demo (non-pilot) centers: county 双创中心 and existing platforms the policy's section (十) asks centers to
// reuse — 众创空间, 星创天地, 青年创新创业服务中心, 就业服务中心, 电子商务示范县, a state-owned enterprise base.
// Names are illustrative, not official registrations.
import type { SeedCenter } from '../reference/types.js';

export const centers: SeedCenter[] = [
  {
    externalId: 'demo-center-chengguan-youth',
    name: '拉萨市城关区青年创新创业服务中心',
    regionCode: '540102',
    kind: 'youth_center',
    operator: '共青团拉萨市城关区委员会',
    pilot: false,
  },
  {
    externalId: 'demo-center-doilung-soe',
    name: '雪域绿能集团双创中心',
    regionCode: '540103',
    kind: 'soe',
    operator: '雪域绿能集团有限公司（示例国企）',
    pilot: false,
  },
  {
    externalId: 'demo-center-samzhubze',
    name: '日喀则市桑珠孜区双创中心',
    regionCode: '540202',
    kind: 'other',
    operator: '桑珠孜区人力资源和社会保障局',
    pilot: false,
  },
  {
    externalId: 'demo-center-gyirong-border',
    name: '吉隆县边贸物流双创中心',
    regionCode: '540234',
    kind: 'other',
    operator: '吉隆县商务局',
    pilot: false,
  },
  {
    externalId: 'demo-center-gyantse-ecommerce',
    name: '江孜县电子商务公共服务中心',
    regionCode: '540222',
    kind: 'ecommerce_county',
    operator: '江孜县商务局',
    pilot: false,
  },
  {
    externalId: 'demo-center-bayi-star',
    name: '林芝市巴宜区高原农牧星创天地',
    regionCode: '540402',
    kind: 'star_base',
    operator: '林芝市科学技术局',
    pilot: false,
  },
  {
    externalId: 'demo-center-nedong-makerspace',
    name: '山南市乃东区雅砻青年众创空间',
    regionCode: '540502',
    kind: 'makerspace',
    operator: '共青团山南市委员会',
    pilot: false,
  },
  {
    externalId: 'demo-center-karub-ecommerce',
    name: '昌都市卡若区电子商务进农村综合示范服务中心',
    regionCode: '540302',
    kind: 'ecommerce_county',
    operator: '卡若区商务局',
    pilot: false,
  },
  {
    externalId: 'demo-center-seni-employment',
    name: '那曲市色尼区就业创业服务中心',
    regionCode: '540602',
    kind: 'employment_center',
    operator: '色尼区人力资源和社会保障局',
    pilot: false,
  },
  {
    externalId: 'demo-center-gar',
    name: '阿里地区噶尔县双创中心',
    regionCode: '542523',
    kind: 'other',
    operator: '噶尔县人民政府',
    pilot: false,
  },
];
