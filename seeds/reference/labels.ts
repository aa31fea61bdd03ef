// zh/en/bo display labels for every enumeration of the contract (shared/API.md).
// Chinese terms follow API.md and the regional policy (《关于建设双创中心的实施意见》) where they give one.
import type {
  AdmissionDecision,
  ApplicationStatus,
  CenterKind,
  CenterLevel,
  CenterStatus,
  EmploymentStatus,
  ExitReason,
  IncubationEnd,
  EmbeddingStatus,
  FounderGroup,
  IntroductionStatus,
  IntroductionTarget,
  InvestorKind,
  Lang,
  ProjectStatus,
  ProviderKind,
  Recommendation,
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
  /** Tibetan (U+0F00–U+0FFF); citation forms without a closing shad, so they sit inside sentences. */
  bo: string;
}

export const labels = {
  lang: {
    zh: { zh: '中文', en: 'Chinese', bo: 'རྒྱ་ཡིག' },
    bo: { zh: '藏文', en: 'Tibetan', bo: 'བོད་ཡིག' },
    en: { zh: '英文', en: 'English', bo: 'དབྱིན་ཡིག' },
  },
  founderGroup: {
    graduate: { zh: '高校毕业生', en: 'University graduate', bo: 'མཐོ་རིམ་སློབ་གྲྭ་ནས་ཐོན་པའི་སློབ་མ' },
    student: { zh: '在校学生', en: 'Student', bo: 'སློབ་གྲྭར་ཡོད་པའི་སློབ་མ' },
    researcher: { zh: '科技人员', en: 'Researcher / technician', bo: 'ཚན་རྩལ་མི་སྣ' },
    high_level_talent: { zh: '高层次人才', en: 'High-level talent', bo: 'རིམ་པ་མཐོ་བའི་ཐོན་ཅན་མི་སྣ' },
    veteran: { zh: '退役军人', en: 'Military veteran', bo: 'དམག་ཞབས་ལས་ཕྱིར་ཐོན་པའི་དམག་མི' },
    ich_inheritor: {
      zh: '非遗传承人',
      en: 'Intangible cultural heritage inheritor',
      bo: 'དངོས་མེད་རིག་གནས་ཤུལ་བཞག་བརྒྱུད་འཛིན་པ',
    },
    farmer_herder: { zh: '农牧民', en: 'Farmer / herder', bo: 'ཞིང་འབྲོག་པ' },
    other: { zh: '其他', en: 'Other', bo: 'གཞན' },
  },
  sector: {
    plateau_biology: { zh: '高原生物', en: 'Plateau biology', bo: 'མཐོ་སྒང་སྐྱེ་དངོས' },
    culture_tourism: { zh: '文化旅游', en: 'Culture and tourism', bo: 'རིག་གནས་ཡུལ་སྐོར' },
    green_industry: { zh: '绿色工业', en: 'Green industry', bo: 'ལྗང་མདོག་བཟོ་ལས' },
    clean_energy: { zh: '清洁能源', en: 'Clean energy', bo: 'གཙང་སྦྲ་ནུས་ཁུངས' },
    modern_services: { zh: '现代服务业', en: 'Modern services', bo: 'དེང་རབས་ཞབས་ཞུའི་ལས་རིགས' },
    digital_tech: { zh: '高新数字', en: 'High-tech and digital', bo: 'མཐོ་གསར་ཚན་རྩལ་དང་ཨང་ཀིའི་ལག་རྩལ' },
    border_trade_logistics: {
      zh: '边贸物流',
      en: 'Border trade and logistics',
      bo: 'མཐའ་མཚམས་ཚོང་འབྲེལ་དང་དངོས་རྫས་རྒྱུན་འགྲུལ',
    },
    other: { zh: '其他', en: 'Other', bo: 'གཞན' },
  },
  stage: {
    idea: { zh: '创意阶段', en: 'Idea', bo: 'བསམ་འཆར་གྱི་བར་སྐབས' },
    prototype: { zh: '产品原型阶段', en: 'Prototype', bo: 'ཐོན་རྫས་མ་དཔེའི་བར་སྐབས' },
    early_revenue: { zh: '初步营收阶段', en: 'Early revenue', bo: 'ཚོང་འབབ་འགོ་ཚུགས་པའི་བར་སྐབས' },
    growth: { zh: '成长阶段', en: 'Growth', bo: 'འཕེལ་རྒྱས་ཀྱི་བར་སྐབས' },
  },
  topic: {
    project_planning: { zh: '项目策划', en: 'Project planning', bo: 'རྣམ་གྲངས་འཆར་འགོད' },
    rnd_design: { zh: '研发设计', en: 'R&D and design', bo: 'ཞིབ་འཇུག་གསར་སྤེལ་དང་འཆར་འགོད' },
    registration: { zh: '企业注册', en: 'Company registration', bo: 'ཁེ་ལས་ཐོ་འགོད' },
    finance_tax: { zh: '财税指导', en: 'Finance and tax guidance', bo: 'དངུལ་རྩིས་དང་ཁྲལ་འབབ་ཀྱི་ལམ་སྟོན' },
    legal: { zh: '法务咨询', en: 'Legal advice', bo: 'ཁྲིམས་དོན་བློ་འདྲི' },
    tech_intermediary: { zh: '科技中介', en: 'Technology intermediary services', bo: 'ཚན་རྩལ་བར་ལམ་ཞབས་ཞུ' },
    ip: { zh: '知识产权', en: 'Intellectual property', bo: 'ཤེས་བྱའི་ཐོན་དངོས་བདག་དབང' },
    tech_transfer: { zh: '成果交易', en: 'Technology transfer', bo: 'ཚན་རྩལ་གྲུབ་འབྲས་ཉོ་ཚོང' },
    certification: { zh: '认证检测', en: 'Certification and testing', bo: 'ར་སྤྲོད་དང་ཞིབ་དཔྱད' },
    policy: { zh: '政策咨询与兑现', en: 'Policy advice and benefit claims', bo: 'སྲིད་ཇུས་བློ་འདྲི་དང་ལག་བསྟར' },
    coaching: { zh: '创业辅导', en: 'Entrepreneurship coaching', bo: 'ལས་གཞི་གསར་འཛུགས་ཁྲིད་སྟོན' },
    seed_funding: { zh: '启动资金', en: 'Seed funding', bo: 'འགོ་འཛུགས་མ་དངུལ' },
    loans: { zh: '金融贷款', en: 'Loans', bo: 'དངུལ་རྩའི་བུ་ལོན' },
    marketing: { zh: '市场营销', en: 'Marketing', bo: 'ཁྲོམ་རའི་ཚོང་འགྲེམས' },
    ecommerce: { zh: '电子商务', en: 'E-commerce', bo: 'གློག་རྡུལ་ཚོང་དོན' },
    fundraising: { zh: '企业投融资', en: 'Investment and fundraising', bo: 'ཁེ་ལས་ཀྱི་མ་འཇོག་དང་མ་དངུལ་བསྡུ་རུབ' },
    management: { zh: '经营管理', en: 'Business management', bo: 'ཚོང་གཉེར་དོ་དམ' },
    digital_skills: { zh: '互联网与数字技能', en: 'Internet and digital skills', bo: 'དྲ་རྒྱ་དང་ཨང་ཀིའི་ལག་རྩལ' },
  },
  investorKind: {
    angel: { zh: '天使投资', en: 'Angel investor', bo: 'སྒེར་གྱི་ཐོག་མའི་མ་འཇོག' },
    vc: { zh: '风险投资', en: 'Venture capital', bo: 'ཉེན་ཁའི་མ་འཇོག' },
    guarantee: { zh: '融资担保机构', en: 'Credit guarantee institution', bo: 'མ་དངུལ་བསྡུ་རུབ་འགན་ལེན་ལས་ཁུངས' },
    bank: { zh: '银行', en: 'Bank', bo: 'དངུལ་ཁང' },
    inclusive_finance: { zh: '普惠金融', en: 'Inclusive finance', bo: 'ཡོངས་ཁྱབ་ཕན་ཐོགས་ཀྱི་དངུལ་རྩ' },
    gov_fund: { zh: '政府引导基金', en: 'Government guidance fund', bo: 'སྲིད་གཞུང་གི་ཁྲིད་སྟོན་རྩ་དངུལ' },
    soe_fund: { zh: '国有资本创业投资', en: 'State-owned venture fund', bo: 'རྒྱལ་གཉེར་མ་རྩའི་ལས་གཞི་གསར་འཛུགས་མ་འཇོག' },
  },
  centerKind: {
    makerspace: { zh: '众创空间', en: 'Makerspace', bo: 'མང་ཚོགས་གསར་གཏོད་བར་སྟོང' },
    star_base: { zh: '星创天地', en: 'Star-creation base (rural makerspace)', bo: 'ཞིང་གྲོང་གསར་གཏོད་ས་གནས' },
    incubator: { zh: '孵化器', en: 'Incubator', bo: 'ལས་གཞི་གསོ་སྐྱོང་ཁང' },
    youth_center: {
      zh: '青年创新创业服务中心',
      en: 'Youth entrepreneurship service center',
      bo: 'གཞོན་ནུའི་གསར་གཏོད་དང་ལས་གཞི་གསར་འཛུགས་ཞབས་ཞུ་ལྟེ་གནས',
    },
    employment_center: {
      zh: '就业服务（指导）中心',
      en: 'Employment service center',
      bo: 'ལས་ཞུགས་ཞབས་ཞུ་(ལམ་སྟོན་)ལྟེ་གནས',
    },
    ecommerce_county: { zh: '电子商务示范县', en: 'E-commerce demonstration county', bo: 'གློག་རྡུལ་ཚོང་དོན་དཔེ་སྟོན་རྫོང' },
    park: { zh: '园区', en: 'Industrial park / development zone', bo: 'བཟོ་ལས་ཁུལ་དང་གསར་སྤེལ་ཁུལ' },
    university: { zh: '高校', en: 'University', bo: 'མཐོ་རིམ་སློབ་གྲྭ' },
    vocational_school: { zh: '职业技术学校', en: 'Vocational school', bo: 'ལས་རིགས་ལག་རྩལ་སློབ་གྲྭ' },
    soe: { zh: '国有企业', en: 'State-owned enterprise', bo: 'རྒྱལ་གཉེར་ཁེ་ལས' },
    other: { zh: '其他', en: 'Other', bo: 'གཞན' },
  },
  providerKind: {
    university: { zh: '高校', en: 'University', bo: 'མཐོ་རིམ་སློབ་གྲྭ' },
    vocational_school: { zh: '职业技术学校', en: 'Vocational school', bo: 'ལས་རིགས་ལག་རྩལ་སློབ་གྲྭ' },
    training_base: { zh: '公共实训基地', en: 'Public training base', bo: 'སྤྱི་པའི་ལག་ལེན་སྦྱོང་བརྡར་རྨང་གཞི' },
    master_studio: { zh: '技能大师工作室', en: 'Master craftsman studio', bo: 'ལག་རྩལ་ཆེད་མཁས་པའི་ལས་ཁང' },
    market_org: { zh: '市场化培训机构', en: 'Commercial training provider', bo: 'ཁྲོམ་ར་ཅན་གྱི་སྦྱོང་བརྡར་ལས་ཁུངས' },
    enterprise: { zh: '当地企业', en: 'Local enterprise', bo: 'ས་གནས་ཀྱི་ཁེ་ལས' },
    cooperative: {
      zh: '农牧民专业合作组织',
      en: "Farmers' and herders' cooperative",
      bo: 'ཞིང་འབྲོག་པའི་ཆེད་ལས་མཉམ་ལས་ཚོགས་པ',
    },
    out_of_region: {
      zh: '区外双创平台（援藏）',
      en: 'Out-of-region partner platform (aid-Tibet)',
      bo: 'ལྗོངས་ཕྱིའི་གསར་གཏོད་སྟེགས་བུ་(བོད་ལ་རམ་འདེགས)',
    },
  },
  projectStatus: {
    draft: { zh: '草稿', en: 'Draft', bo: 'ཟིན་བྲིས' },
    submitted: { zh: '已提交', en: 'Submitted', bo: 'ཕུལ་ཟིན' },
    vetted: { zh: '已审核', en: 'Vetted', bo: 'ཞིབ་བཤེར་བྱས་ཟིན' },
    rejected: { zh: '未通过', en: 'Rejected', bo: 'ཆོག་མཆན་མ་ཐོབ' },
    incubating: { zh: '孵化中', en: 'Incubating', bo: 'གསོ་སྐྱོང་བྱེད་བཞིན་པ' },
    graduated: { zh: '已毕业', en: 'Graduated', bo: 'གསོ་སྐྱོང་མཐར་ཕྱིན་པ' },
    exited: { zh: '已退出', en: 'Exited', bo: 'ཕྱིར་ཐོན་ཟིན' },
  },
  applicationStatus: {
    submitted: { zh: '待评审', en: 'Awaiting review', bo: 'ཞིབ་དཔྱད་སྒུག་བཞིན་པ' },
    decided: { zh: '已决定', en: 'Decided', bo: 'ཐག་བཅད་ཟིན' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', bo: 'ཕྱིར་བསྡུས་ཟིན' },
  },
  recommendation: {
    admit: { zh: '建议录取', en: 'Admit', bo: 'ནང་འཛུལ་ཆོག་པའི་གྲོས' },
    waitlist: { zh: '建议候补', en: 'Waitlist', bo: 'སྒུག་ཐོར་འཇོག་པའི་གྲོས' },
    reject: { zh: '建议不录取', en: 'Reject', bo: 'ནང་འཛུལ་མི་ཆོག་པའི་གྲོས' },
  },
  admissionDecision: {
    admitted: { zh: '录取入驻', en: 'Admitted', bo: 'ནང་འཛུལ་ཆོག་པ' },
    waitlisted: { zh: '候补', en: 'Waitlisted', bo: 'སྒུག་ཐོར་བཀོད་པ' },
    rejected: { zh: '不予录取', en: 'Not admitted', bo: 'ནང་འཛུལ་མི་ཆོག་པ' },
  },
  incubationEnd: {
    graduated: { zh: '毕业', en: 'Graduated', bo: 'གསོ་སྐྱོང་མཐར་ཕྱིན་པ' },
    exited: { zh: '退出', en: 'Exited', bo: 'ཕྱིར་ཐོན་པ' },
  },
  exitReason: {
    relocated: { zh: '迁出', en: 'Relocated', bo: 'གནས་སྤོ་བ' },
    closed: { zh: '停业', en: 'Closed', bo: 'ལས་ཀ་མཚམས་བཞག་པ' },
    merged: { zh: '被合并', en: 'Merged', bo: 'གཞན་དང་མཉམ་སྡེབ་བྱས་པ' },
    expelled: { zh: '清退', en: 'Expelled', bo: 'ཕྱིར་བསྐྲད་པ' },
    other: { zh: '其他', en: 'Other', bo: 'གཞན' },
  },
  trainingMode: {
    onsite: { zh: '线下集中培训', en: 'On-site', bo: 'ས་གནས་དངོས་སུ་ཕྱོགས་བསྡུས་སྦྱོང་བརྡར' },
    online: { zh: '线上培训', en: 'Online', bo: 'དྲ་ཐོག་སྦྱོང་བརྡར' },
    enclave: { zh: '“飞地”培训（区外）', en: 'Enclave (out of region)', bo: 'ལྗོངས་ཕྱིའི་སྦྱོང་བརྡར' },
  },
  embeddingStatus: {
    pending: { zh: '待处理', en: 'Pending', bo: 'སྒུག་བཞིན་པ' },
    ready: { zh: '已就绪', en: 'Ready', bo: 'གྲ་སྒྲིག་ཟིན' },
    failed: { zh: '失败', en: 'Failed', bo: 'འགྲུབ་མ་ཐུབ' },
  },
  role: {
    admin: { zh: '管理员', en: 'Administrator', bo: 'དོ་དམ་པ' },
    center_staff: { zh: '双创中心工作人员', en: 'Center staff', bo: 'གསར་འཛུགས་ལྟེ་གནས་ཀྱི་ལས་བྱེད་པ' },
    founder: { zh: '创业者', en: 'Founder', bo: 'ལས་གཞི་གསར་འཛུགས་པ' },
    mentor: { zh: '创业导师', en: 'Mentor', bo: 'ལས་གཞི་གསར་འཛུགས་ཁྲིད་སྟོན་དགེ་རྒན' },
    investor: { zh: '投资方', en: 'Investor', bo: 'མ་འཇོག་པ' },
    trainer: { zh: '培训机构', en: 'Training provider', bo: 'སྦྱོང་བརྡར་ལས་ཁུངས' },
    region_admin: { zh: '地区统计管理员', en: 'Regional statistics officer', bo: 'ས་ཁུལ་གྱི་བསྡོམས་རྩིས་དོ་དམ་པ' },
  },
  introductionTarget: {
    mentor: { zh: '创业导师', en: 'Mentor', bo: 'ལས་གཞི་གསར་འཛུགས་ཁྲིད་སྟོན་དགེ་རྒན' },
    investor: { zh: '投资方', en: 'Investor', bo: 'མ་འཇོག་པ' },
  },
  introductionStatus: {
    requested: { zh: '已申请', en: 'Requested', bo: 'རེ་ཞུ་ཕུལ་ཟིན' },
    accepted: { zh: '已接受', en: 'Accepted', bo: 'དང་ལེན་བྱས་ཟིན' },
    declined: { zh: '已婉拒', en: 'Declined', bo: 'ཁས་མ་བླངས' },
    ended: { zh: '已结束', en: 'Ended', bo: 'མཇུག་འགྲིལ་ཟིན' },
  },
  runStatus: {
    queued: { zh: '排队中', en: 'Queued', bo: 'གྲལ་སྒུག་བཞིན་པ' },
    running: { zh: '运行中', en: 'Running', bo: 'འཁོར་སྐྱོད་བཞིན་པ' },
    done: { zh: '已完成', en: 'Done', bo: 'ལེགས་གྲུབ་ཟིན' },
    failed: { zh: '失败', en: 'Failed', bo: 'འགྲུབ་མ་ཐུབ' },
  },
  regionLevel: {
    region: { zh: '自治区', en: 'Autonomous region', bo: 'རང་སྐྱོང་ལྗོངས' },
    prefecture: { zh: '地（市）', en: 'Prefecture', bo: 'ས་ཁུལ་(གྲོང་ཁྱེར)' },
    county: { zh: '县（区）', en: 'County', bo: 'རྫོང་(ཆུས)' },
  },
  centerStatus: {
    planned: { zh: '规划中', en: 'Planned', bo: 'འཆར་གཞི་འགོད་བཞིན་པ' },
    approved: { zh: '已批准', en: 'Approved', bo: 'ཆོག་མཆན་ཐོབ་ཟིན' },
    operating: { zh: '运营中', en: 'Operating', bo: 'འཁོར་སྐྱོད་བྱེད་བཞིན་པ' },
    suspended: { zh: '暂停', en: 'Suspended', bo: 'གནས་སྐབས་མཚམས་འཇོག' },
    closed: { zh: '已关闭', en: 'Closed', bo: 'སྒོ་བརྒྱབ་ཟིན' },
  },
  centerLevel: {
    national: { zh: '国家级', en: 'National', bo: 'རྒྱལ་ཁབ་རིམ་པ' },
    region: { zh: '自治区级', en: 'Region', bo: 'རང་སྐྱོང་ལྗོངས་རིམ་པ' },
    prefecture: { zh: '地（市）级', en: 'Prefecture', bo: 'ས་ཁུལ་(གྲོང་ཁྱེར)་རིམ་པ' },
    county: { zh: '县（区）级', en: 'County', bo: 'རྫོང་(ཆུས)་རིམ་པ' },
  },
  employmentStatus: {
    employed: { zh: '已就业', en: 'Employed', bo: 'ལས་ཀར་ཞུགས་ཟིན' },
    self_employed: { zh: '自主创业', en: 'Self-employed', bo: 'རང་འཚོ་ལས་གཞི' },
    unemployed: { zh: '未就业', en: 'Not employed', bo: 'ལས་ཀར་ཞུགས་མེད' },
    studying: { zh: '在读', en: 'Studying', bo: 'སློབ་སྦྱོང་བྱེད་བཞིན་པ' },
    other: { zh: '其他', en: 'Other', bo: 'གཞན' },
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
  applicationStatus: Record<ApplicationStatus, Label>;
  recommendation: Record<Recommendation, Label>;
  admissionDecision: Record<AdmissionDecision, Label>;
  incubationEnd: Record<IncubationEnd, Label>;
  exitReason: Record<ExitReason, Label>;
  trainingMode: Record<TrainingMode, Label>;
  embeddingStatus: Record<EmbeddingStatus, Label>;
  role: Record<Role, Label>;
  introductionTarget: Record<IntroductionTarget, Label>;
  introductionStatus: Record<IntroductionStatus, Label>;
  runStatus: Record<RunStatus, Label>;
  regionLevel: Record<RegionLevel, Label>;
  centerStatus: Record<CenterStatus, Label>;
  centerLevel: Record<CenterLevel, Label>;
  employmentStatus: Record<EmploymentStatus, Label>;
};

export type LabelGroup = keyof typeof labels;
