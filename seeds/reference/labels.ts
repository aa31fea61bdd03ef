// zh/en display labels for every enumeration of the contract (shared/API.md).
// Chinese terms follow API.md and the regional policy (《关于建设双创中心的实施意见》) where they give one.
import type {
  CenterKind,
  EmbeddingStatus,
  FounderGroup,
  IntroductionStatus,
  IntroductionTarget,
  InvestorKind,
  Lang,
  ProjectStatus,
  ProviderKind,
  RegionLevel,
  Role,
  RunStatus,
  Sector,
  Stage,
  Topic,
  TrainingMode,
} from './enums.js';

export interface Label {
  zh: string;
  en: string;
}

export const labels = {
  lang: {
    zh: { zh: '中文', en: 'Chinese' },
    bo: { zh: '藏文', en: 'Tibetan' },
    en: { zh: '英文', en: 'English' },
  },
  founderGroup: {
    graduate: { zh: '高校毕业生', en: 'University graduate' },
    student: { zh: '在校学生', en: 'Student' },
    researcher: { zh: '科技人员', en: 'Researcher / technician' },
    high_level_talent: { zh: '高层次人才', en: 'High-level talent' },
    veteran: { zh: '退役军人', en: 'Military veteran' },
    ich_inheritor: { zh: '非遗传承人', en: 'Intangible cultural heritage inheritor' },
    farmer_herder: { zh: '农牧民', en: 'Farmer / herder' },
    other: { zh: '其他', en: 'Other' },
  },
  sector: {
    plateau_biology: { zh: '高原生物', en: 'Plateau biology' },
    culture_tourism: { zh: '文化旅游', en: 'Culture and tourism' },
    green_industry: { zh: '绿色工业', en: 'Green industry' },
    clean_energy: { zh: '清洁能源', en: 'Clean energy' },
    modern_services: { zh: '现代服务业', en: 'Modern services' },
    digital_tech: { zh: '高新数字', en: 'High-tech and digital' },
    border_trade_logistics: { zh: '边贸物流', en: 'Border trade and logistics' },
    other: { zh: '其他', en: 'Other' },
  },
  stage: {
    idea: { zh: '创意阶段', en: 'Idea' },
    prototype: { zh: '产品原型阶段', en: 'Prototype' },
    early_revenue: { zh: '初步营收阶段', en: 'Early revenue' },
    growth: { zh: '成长阶段', en: 'Growth' },
  },
  topic: {
    project_planning: { zh: '项目策划', en: 'Project planning' },
    rnd_design: { zh: '研发设计', en: 'R&D and design' },
    registration: { zh: '企业注册', en: 'Company registration' },
    finance_tax: { zh: '财税指导', en: 'Finance and tax guidance' },
    legal: { zh: '法务咨询', en: 'Legal advice' },
    tech_intermediary: { zh: '科技中介', en: 'Technology intermediary services' },
    ip: { zh: '知识产权', en: 'Intellectual property' },
    tech_transfer: { zh: '成果交易', en: 'Technology transfer' },
    certification: { zh: '认证检测', en: 'Certification and testing' },
    policy: { zh: '政策咨询与兑现', en: 'Policy advice and benefit claims' },
    coaching: { zh: '创业辅导', en: 'Entrepreneurship coaching' },
    seed_funding: { zh: '启动资金', en: 'Seed funding' },
    loans: { zh: '金融贷款', en: 'Loans' },
    marketing: { zh: '市场营销', en: 'Marketing' },
    ecommerce: { zh: '电子商务', en: 'E-commerce' },
    fundraising: { zh: '企业投融资', en: 'Investment and fundraising' },
    management: { zh: '经营管理', en: 'Business management' },
    digital_skills: { zh: '互联网与数字技能', en: 'Internet and digital skills' },
  },
  investorKind: {
    angel: { zh: '天使投资', en: 'Angel investor' },
    vc: { zh: '风险投资', en: 'Venture capital' },
    guarantee: { zh: '融资担保机构', en: 'Credit guarantee institution' },
    bank: { zh: '银行', en: 'Bank' },
    inclusive_finance: { zh: '普惠金融', en: 'Inclusive finance' },
    gov_fund: { zh: '政府引导基金', en: 'Government guidance fund' },
    soe_fund: { zh: '国有资本创业投资', en: 'State-owned venture fund' },
  },
  centerKind: {
    makerspace: { zh: '众创空间', en: 'Makerspace' },
    star_base: { zh: '星创天地', en: 'Star-creation base (rural makerspace)' },
    incubator: { zh: '孵化器', en: 'Incubator' },
    youth_center: { zh: '青年创新创业服务中心', en: 'Youth entrepreneurship service center' },
    employment_center: { zh: '就业服务（指导）中心', en: 'Employment service center' },
    ecommerce_county: { zh: '电子商务示范县', en: 'E-commerce demonstration county' },
    park: { zh: '园区', en: 'Industrial park / development zone' },
    university: { zh: '高校', en: 'University' },
    vocational_school: { zh: '职业技术学校', en: 'Vocational school' },
    soe: { zh: '国有企业', en: 'State-owned enterprise' },
    other: { zh: '其他', en: 'Other' },
  },
  providerKind: {
    university: { zh: '高校', en: 'University' },
    vocational_school: { zh: '职业技术学校', en: 'Vocational school' },
    training_base: { zh: '公共实训基地', en: 'Public training base' },
    master_studio: { zh: '技能大师工作室', en: 'Master craftsman studio' },
    market_org: { zh: '市场化培训机构', en: 'Commercial training provider' },
    enterprise: { zh: '当地企业', en: 'Local enterprise' },
    cooperative: { zh: '农牧民专业合作组织', en: "Farmers' and herders' cooperative" },
    out_of_region: { zh: '区外双创平台（援藏）', en: 'Out-of-region partner platform (aid-Tibet)' },
  },
  projectStatus: {
    draft: { zh: '草稿', en: 'Draft' },
    submitted: { zh: '已提交', en: 'Submitted' },
    vetted: { zh: '已审核', en: 'Vetted' },
    rejected: { zh: '未通过', en: 'Rejected' },
  },
  trainingMode: {
    onsite: { zh: '线下集中培训', en: 'On-site' },
    online: { zh: '线上培训', en: 'Online' },
    enclave: { zh: '“飞地”培训（区外）', en: 'Enclave (out of region)' },
  },
  embeddingStatus: {
    pending: { zh: '待处理', en: 'Pending' },
    ready: { zh: '已就绪', en: 'Ready' },
    failed: { zh: '失败', en: 'Failed' },
  },
  role: {
    admin: { zh: '管理员', en: 'Administrator' },
    center_staff: { zh: '双创中心工作人员', en: 'Center staff' },
    founder: { zh: '创业者', en: 'Founder' },
    mentor: { zh: '创业导师', en: 'Mentor' },
    investor: { zh: '投资方', en: 'Investor' },
    trainer: { zh: '培训机构', en: 'Training provider' },
  },
  introductionTarget: {
    mentor: { zh: '创业导师', en: 'Mentor' },
    investor: { zh: '投资方', en: 'Investor' },
  },
  introductionStatus: {
    requested: { zh: '已申请', en: 'Requested' },
    accepted: { zh: '已接受', en: 'Accepted' },
    declined: { zh: '已婉拒', en: 'Declined' },
    ended: { zh: '已结束', en: 'Ended' },
  },
  runStatus: {
    queued: { zh: '排队中', en: 'Queued' },
    running: { zh: '运行中', en: 'Running' },
    done: { zh: '已完成', en: 'Done' },
    failed: { zh: '失败', en: 'Failed' },
  },
  regionLevel: {
    region: { zh: '自治区', en: 'Autonomous region' },
    prefecture: { zh: '地（市）', en: 'Prefecture' },
    county: { zh: '县（区）', en: 'County' },
  },
} as const satisfies {
  lang: Record<Lang, Label>;
  founderGroup: Record<FounderGroup, Label>;
  sector: Record<Sector, Label>;
  stage: Record<Stage, Label>;
  topic: Record<Topic, Label>;
  investorKind: Record<InvestorKind, Label>;
  centerKind: Record<CenterKind, Label>;
  providerKind: Record<ProviderKind, Label>;
  projectStatus: Record<ProjectStatus, Label>;
  trainingMode: Record<TrainingMode, Label>;
  embeddingStatus: Record<EmbeddingStatus, Label>;
  role: Record<Role, Label>;
  introductionTarget: Record<IntroductionTarget, Label>;
  introductionStatus: Record<IntroductionStatus, Label>;
  runStatus: Record<RunStatus, Label>;
  regionLevel: Record<RegionLevel, Label>;
};

export type LabelGroup = keyof typeof labels;
