// Bilingual lexicon of the support topics (Topic: needs / expertise / training topics, shared/API.md).
// For every Topic: Chinese and English phrases that signal it in a project description, a mentor bio,
// an investor thesis or a training description. See ./types.ts for how weights, inflections and
// exclusions work. Written from the vocabulary of startup support in Tibet: 双创中心, 创业担保贷款,
// 一次性创业补贴, 食品生产许可（SC）, 电商进农村, 边民互市, 援藏 programmes.
import type { Topic } from '../reference/enums.ts';
import { type LexiconEntry, tier } from './types.ts';

export const topicLexicon: Record<Topic, LexiconEntry> = {
  // 项目策划 — turning an idea into a plan: business plan, feasibility, business model, competitions.
  project_planning: {
    zh: [
      ...tier(1.0, ['项目策划', '商业计划书', '创业计划书', '商业计划', '可行性研究', '可行性报告', '可研报告', '商业模式',
        '项目规划', '项目论证', '盈利模式', '策划方案', '项目方案']),
      ...tier(0.8, ['创新创业大赛', '创业大赛', '项目选择', '选项目', '投入产出', '只有想法', '还只是想法', '市场调研',
        '产品定位', '梳理思路', '不知道从哪里开始', '从哪里入手', '线路设计', '设计线路', '旅游线路']),
      ...tier(0.6, ['策划', '规划', '选址', '从哪里开始', '怎么起步', '可行性']),
    ],
    en: [
      ...tier(1.0, ['business plan', 'project planning', 'feasibility study', 'business model', 'business case']),
      ...tier(0.8, ['just an idea', 'only an idea', 'idea stage', 'market research', 'startup competition',
        'business planning', 'go-to-market plan', 'roadmap', 'itinerary design']),
      ...tier(0.6, ['planning', 'where to start', 'site selection', 'feasibility', 'strategy', 'pitch deck']),
    ],
    exclude: { zh: ['规划局', '城市规划', '线路规划'] },
  },

  // 研发设计 — product development, recipes/formulas, prototypes, packaging and product design.
  rnd_design: {
    zh: [
      ...tier(1.0, ['研发', '研发设计', '产品研发', '产品开发', '新产品开发', '配方', '工艺改进', '中试', '打样', '样品',
        '样衣', '试制', '原型', '包装设计', '产品设计', '工业设计', '口味测试', '技术攻关', '配方设计']),
      ...tier(0.8, ['试产', '试酿', '面料设计', '品牌设计', '标志设计', '功能成分', '工艺流程', '工艺试验',
        '造型设计', '成衣制作', '时装设计', '服装设计', '科研', '研究方向', '良种繁育']),
      ...tier(0.6, ['设计', '开发', '工艺', '实验室', '纹样', '包装', '新品', '改良', '研究', '外观设计']),
    ],
    en: [
      ...tier(1.0, ['R&D', 'research and development', 'product development', 'product design', 'packaging design',
        'industrial design', 'prototype', 'formulation', 'new product']),
      ...tier(0.8, ['prototyping', 'recipe', 'taste test', 'pilot production', 'fashion design', 'designer',
        'sample', 'develop products']),
      ...tier(0.6, ['design', 'packaging', 'lab', 'laboratory', 'develop', 'process improvement']),
    ],
    exclude: {
      zh: ['外观设计专利', '开发区', '旅游开发', '小程序开发', '软件开发', '开发小程序', '设计线路', '线路设计', '科研院所',
        '科研机构'],
    },
  },

  // 企业注册 — registering a company, sole proprietorship or cooperative; business licence; seals, bank account.
  registration: {
    zh: [
      ...tier(1.0, ['企业注册', '公司注册', '注册公司', '工商注册', '工商登记', '营业执照', '办执照', '个体户注册',
        '注册个体户', '注册个体工商户', '个体工商户登记', '开办企业', '设立公司', '公司设立', '商事登记', '市场监督管理局',
        '注册合作社', '合作社注册', '名称核准', '名称预先核准', '多证合一', '一照一码', '刻章', '注册企业', '成立公司']),
      ...tier(0.8, ['市场监管局', '税务登记', '银行开户', '注册资本', '成立合作社', '变更登记', '经营范围', '证照办理',
        '办证', '办理证照', '还没有注册', '还没注册', '登记注册']),
      ...tier(0.6, ['个体户', '证照', '注销', '执照', '登记']),
    ],
    en: [
      ...tier(1.0, ['company registration', 'business registration', 'register a company', 'register a business',
        'register the company', 'business license', 'business licence', 'incorporate', 'incorporation']),
      ...tier(0.8, ['set up a company', 'registered capital', 'sole proprietorship', 'legal entity',
        'company formation', 'register a cooperative']),
      ...tier(0.6, ['registration', 'paperwork']),
    ],
    exclude: {
      zh: ['登记表', '技术合同登记', '著作权登记', '商标登记'],
      en: ['trademark registration', 'patent registration', 'event registration'],
    },
  },

  // 财税指导 — bookkeeping, tax filing, invoices (发票), VAT, financial statements, tax incentives.
  finance_tax: {
    zh: [
      ...tier(1.0, ['财税', '记账', '代账', '代理记账', '报税', '纳税申报', '纳税', '增值税', '所得税', '个税', '发票', '开票',
        '税务', '税收优惠', '税负', '会计', '财务报表', '财务规范', '规范财务', '账务', '做账', '建账', '汇算清缴',
        '小规模纳税人', '一般纳税人', '税务筹划', '把账做规范', '缴税', '交税', '减税', '免税', '电子税务局', '出纳']),
      ...tier(0.8, ['审计', '成本核算', '账目', '税费', '税收', '财务', '财务管理', '报表', '关税', '退税']),
      // 税务登记 is mostly a registration step: deliberately weaker than the 税务 it contains.
      ...tier(0.6, ['税务登记', '现金流', '资金管理', '利润表']),
    ],
    en: [
      ...tier(1.0, ['VAT', 'VAT return', 'tax return', 'file tax', 'file taxes', 'bookkeeping', 'bookkeeper', 'accounting', 'accountant', 'CPA', 'fapiao',
        'financial statement', 'tax filing', 'income tax', 'tax incentive', 'tax break', 'taxation', 'payroll tax']),
      ...tier(0.8, ['tax', 'invoice', 'audit', 'auditor', 'financial records', 'payroll', 'tax planning', 'tax bureau',
        'financial management', 'books in order']),
      ...tier(0.6, ['finance', 'finances', 'cash flow', 'budgeting', 'unit economics']),
    ],
  },

  // 法务咨询 — contracts, disputes, employment law, shareholder agreements, compliance.
  legal: {
    zh: [
      ...tier(1.0, ['法务', '法律咨询', '法律', '律师', '合同审查', '审查合同', '用工合同', '劳动合同', '劳动纠纷', '合同纠纷',
        '诉讼', '仲裁', '合伙协议', '股东协议', '法律风险', '合同风险', '法律法规', '维权', '律师事务所', '法律顾问']),
      ...tier(0.8, ['纠纷', '侵权', '违约', '管制刀具', '股权设计', '章程', '法规', '用工', '劳务', '合规']),
      ...tier(0.6, ['合同', '协议', '股权结构', '保险']),
    ],
    en: [
      ...tier(1.0, ['legal', 'lawyer', 'law firm', 'legal advice', 'litigation', 'lawsuit', 'arbitration',
        'employment contract', 'shareholder agreement', 'contract review', 'attorney']),
      ...tier(0.8, ['contract', 'dispute', 'liability', 'regulation', 'regulatory', 'compliance', 'labor law',
        'labour law']),
      ...tier(0.6, ['agreement', 'equity structure', 'insurance', 'terms and conditions', 'rules apply']),
    ],
    exclude: { zh: ['法律援助中心'] },
  },

  // 科技中介 — finding technology, experts and equipment makers; technology brokers; 科技特派员.
  tech_intermediary: {
    zh: [
      ...tier(1.0, ['科技中介', '技术经纪', '技术经纪人', '技术对接', '技术需求', '产学研', '科技特派员', '科研院所',
        '技术咨询', '科技服务', '校企合作', '对接高校', '技术推广', '找技术', '对接技术']),
      ...tier(0.8, ['技术合作', '设备厂商', '技术评估', '技术方案评审', '技术支持', '对接内地', '技术指导', '专家指导', '引进技术', '技术团队', '科研机构']),
      ...tier(0.6, ['技术方案', '专家', '设备供应商', '技术服务', '研究所', '技术选型']),
    ],
    en: [
      ...tier(1.0, ['technology broker', 'tech broker', 'technology intermediary', 'technology sourcing',
        'technology partner', 'technical partner', 'research institute', 'industry-academia', 'sci-tech commissioner',
        'technology commissioner']),
      ...tier(0.8, ['technical consulting', 'technical support', 'equipment supplier', 'equipment maker',
        'university partnership', 'technical advice', 'technical expert', 'technology scouting']),
      ...tier(0.6, ['expert', 'technical', 'equipment manufacturer']),
    ],
  },

  // 知识产权 — trademarks, patents, copyright, software copyright, geographical indications, counterfeiting.
  ip: {
    zh: [
      ...tier(1.0, ['知识产权', '商标', '注册商标', '专利', '外观专利', '外观设计专利', '实用新型', '发明专利', '版权',
        '著作权', '软件著作权', '软著', '地理标志', '仿冒', '商业秘密', '山寨', '盗版', '品牌保护', '专利布局']),
      ...tier(0.8, ['侵权', '保护设计', '设计保护', '被抄袭', '抄袭', '原创保护', '外观设计']),
      ...tier(0.6, ['牌子', '冒牌', '防伪']),
    ],
    en: [
      ...tier(1.0, ['intellectual property', 'trademark', 'patent', 'copyright', 'design patent', 'utility model',
        'geographical indication', 'geographic indication', 'counterfeit', 'trade secret', 'brand protection']),
      ...tier(0.8, ['knock-off', 'knockoff', 'IP', 'infringement', 'protect our designs', 'protect the design',
        'copycat']),
      ...tier(0.6, ['copied', 'imitation', 'fake']),
    ],
    exclude: { en: ['IP address', 'IP camera'], zh: ['专利许可', '专利转让'] },
  },

  // 成果交易 — technology transfer: licensing / selling research results, 作价入股, technology contracts.
  tech_transfer: {
    zh: [
      ...tier(1.0, ['成果转化', '科技成果转化', '成果交易', '技术转让', '成果转让', '专利许可', '专利转让', '作价入股',
        '技术入股', '技术合同登记', '技术交易', '技术市场', '实验室成果', '科研成果', '技术成果', '成果转移',
        '技术授权', '专利运营', '技术成果转让', '成果落地']),
      ...tier(0.8, ['产业化', '技术引进', '技术合同', '成果推广', '可转让', '实验室技术']),
      ...tier(0.7, ['转让']),
      ...tier(0.6, ['成果', '中试', '专利技术', '转化为']),
    ],
    en: [
      ...tier(1.0, ['technology transfer', 'tech transfer', 'technology licensing', 'patent licensing',
        'license the technology', 'license our technology', 'research results', 'lab to market',
        'commercialization', 'commercialisation']),
      ...tier(0.8, ['commercialize', 'commercialise', 'spin-off', 'spinoff', 'licensing deal', 'industrialization',
        'research findings']),
      ...tier(0.6, ['licensing', 'scale up from the lab', 'royalty']),
    ],
    exclude: { zh: ['转让费', '股权转让', '店铺转让', '转让店铺'] },
  },

  // 认证检测 — testing, inspection, certification and licences that require inspection (SC, organic, GAP).
  certification: {
    zh: [
      ...tier(1.0, ['认证', '检测', '检验', '检测认证', '检验检测', '检测报告', '质检', '食品生产许可', '生产许可',
        '食品经营许可', '酒类经营许可', '卫生许可', '有机认证', '绿色食品认证', '检验检疫', '原产地证', '经营资质',
        '资质', '许可证', '消防验收', '特种行业许可', '合格证', '导游证', '质量认证', '第三方检测', '标签规范']),
      ...tier(0.8, ['安全规范', '食品安全', '产品标签', '质量标准', '执业资格', '从业资格', '许可', '验收', '检疫', '商检',
        '安全预案', '服务标准']),
      ...tier(0.6, ['标准', '合规', '备案', '卫生', '计量', '证书', '标准化', '出入境', '培训证书']),
    ],
    en: [
      ...tier(1.0, ['certification', 'certify', 'certificate', 'inspection', 'food production license', 'SC license',
        'organic certification', 'certificate of origin', 'HACCP', 'ISO', 'GMP', 'lab testing', 'quality testing',
        'testing report', 'test report', 'quarantine']),
      ...tier(0.8, ['food safety', 'labelling', 'labeling', 'permit', 'license', 'licence', 'quality control',
        'safety standards', 'accreditation', 'qualification']),
      ...tier(0.6, ['testing', 'standards', 'compliance', 'safety rules']),
    ],
    exclude: {
      zh: ['实名认证', '专利许可', '营业执照许可'],
      en: ['business license', 'business licence', 'driving license', 'driving licence', 'driver license'],
    },
  },

  // 政策咨询与兑现 — understanding and actually claiming policy benefits: subsidies, rent relief, interest subsidies.
  policy: {
    zh: [
      ...tier(1.0, ['政策', '政策咨询', '政策兑现', '补贴', '创业补贴', '一次性创业补贴', '场租补贴', '租金补贴', '社保补贴',
        '就业补贴', '扶持政策', '优惠政策', '惠企政策', '奖补', '补助', '以奖代补', '应享尽享', '政府扶持', '政府补贴',
        '扶持资金', '专项资金', '创新券', '场租减免', '免租', '申领', '兑现']),
      ...tier(0.8, ['贴息', '减免', '奖励资金', '政府支持', '人社局', '就业局', '人社',
        '税收优惠', '扶持']),
      ...tier(0.6, ['优惠', '政府', '乡村振兴', '创业担保贷款', '免费工位', '补偿', '申报']),
    ],
    en: [
      ...tier(1.0, ['policy', 'subsidy', 'government support', 'preferential policy', 'rent subsidy', 'support scheme',
        'government grant', 'interest subsidy', 'policy benefits', 'incentive scheme']),
      ...tier(0.8, ['grant', 'incentive', 'allowance', 'government programme', 'government program', 'tax incentive',
        'rebate', 'eligible for']),
      ...tier(0.6, ['government', 'support programme', 'support program', 'rent-free', 'free desk']),
    ],
    exclude: { zh: ['政策性融资担保', '政策性银行'] },
  },

  // 创业辅导 — mentoring and coaching, first-time founders who need someone to walk them through.
  coaching: {
    zh: [
      ...tier(1.0, ['创业辅导', '创业指导', '创业导师', '一对一辅导', '陪跑', '传帮带', '带一带', '创业培训', '创业训练营',
        '导师辅导', '创业经验', '初次创业', '第一次创业', '没有创业经验', '缺乏经验', '孵化辅导']),
      ...tier(0.8, ['导师', '带教', '带徒', '徒弟', '学徒', '经验分享', '分享经验', '手把手', '请教', '没有经验', '不知道怎么做',
        '不懂怎么', '从零开始', '创业典型']),
      ...tier(0.6, ['指导', '帮扶', '不懂', '不会做', '培训', '辅导', '孵化']),
    ],
    en: [
      ...tier(1.0, ['mentoring', 'mentorship', 'coaching', 'startup coaching', 'first-time founder',
        'first-time entrepreneur', 'entrepreneurship training', 'one-on-one', 'one-to-one']),
      ...tier(0.8, ['mentor', 'coach', 'incubation', 'accelerator', 'no experience',
        'share experience', 'sharing experience', 'walk us through', 'first business']),
      ...tier(0.6, ['guidance', 'advice', 'advise', 'incubator', 'training', 'how to start', 'learn from']),
    ],
    exclude: { zh: ['辅导班', '课外辅导', '作业辅导', '路演辅导'] },
  },

  // 启动资金 — the first money to get started: seed money, 启动资金, one-off start-up subsidies.
  seed_funding: {
    zh: [
      ...tier(1.0, ['启动资金', '创业启动资金', '种子资金', '种子轮', '起步资金', '起步投入', '启动资本', '初始资金',
        '创业资金', '第一笔钱', '本钱', '开办费', '没有钱', '没钱', '缺钱', '缺资金', '钱从哪里来', '资金从哪里来',
        '一次性创业补贴']),
      ...tier(0.8, ['前期投入', '筹钱', '凑钱', '找钱', '小额资金', '互助资金', '资金不足', '缺少资金', '资金短缺',
        '天使轮', '装修的钱']),
      ...tier(0.6, ['资金', '创业补贴', '买设备']),
    ],
    en: [
      ...tier(1.0, ['seed funding', 'seed money', 'seed capital', 'startup capital', 'start-up capital',
        'starting capital', 'initial capital', 'pre-seed', 'seed round', 'startup funds', 'start-up funds',
        'money to start']),
      ...tier(0.8, ['small investment', 'buy equipment', 'first funding', 'no money', 'lack of funds',
        'angel round']),
      ...tier(0.6, ['funding', 'grant', 'capital', 'bootstrap']),
    ],
  },

  // 金融贷款 — bank and guaranteed loans: 创业担保贷款, 贴息, microcredit, working capital, collateral.
  loans: {
    zh: [
      ...tier(1.0, ['贷款', '金融贷款', '创业担保贷款', '担保贷款', '贴息贷款', '小额信贷', '小额贷款', '信贷', '授信',
        '银行贷款', '经营贷', '设备贷', '信用贷', '免抵押', '反担保', '借款', '还款', '放款', '贷款贴息', '助农贷',
        '周转资金', '流动资金', '融资担保']),
      ...tier(0.8, ['贴息', '抵押', '借钱', '资金周转', '利息', '利率', '征信', '信用社', '农商行', '融资租赁',
        '普惠金融', '担保机构', '担保']),
      ...tier(0.6, ['银行', '周转', '分期', '负债', '欠款']),
    ],
    en: [
      ...tier(1.0, ['loan', 'microloan', 'micro-loan', 'microcredit', 'microfinance', 'credit line', 'line of credit',
        'guaranteed loan', 'debt financing', 'working capital', 'collateral', 'repayment', 'lender', 'bank credit']),
      ...tier(0.8, ['borrow', 'lend', 'interest rate', 'interest subsidy', 'credit guarantee', 'mortgage',
        'inclusive finance', 'overdraft']),
      ...tier(0.6, ['credit', 'bank', 'debt', 'financing']),
    ],
    exclude: { zh: ['质量担保', '银行开户', '银行账户'], en: ['credit card'] },
  },

  // 市场营销 — branding, promotion, pricing, sales channels, getting customers, trade fairs.
  marketing: {
    zh: [
      ...tier(1.0, ['营销', '市场营销', '推广', '品牌建设', '打造品牌', '品牌营销', '宣传', '销路', '销售渠道', '客源',
        '获客', '拓客', '定价', '卖不出去', '卖不动', '知名度', '广告', '市场开拓', '开拓市场', '打开市场',
        '拓展市场', '展销会', '推介会', '博览会', '市场定位', '线上营销', '网络营销', '让更多人买到',
        '靠熟人卖', '只在本地卖']),
      ...tier(0.8, ['销量', '渠道', '口碑', '投放', '达人合作', '网红', '小红书', '展会', '年货节', '经销商', '分销',
        '进超市', '买手店', '卖到', '目标客户', '私域', '产品照片', '内容策划', '代售', '品牌']),
      ...tier(0.6, ['公众号', '短视频', '社群', '代理商', '淡季', '包装', '卖给', '抖音', '粉丝', '试销', '拍照', '市场', '客户']),
    ],
    en: [
      ...tier(1.0, ['marketing', 'branding', 'brand building', 'advertising', 'customer acquisition', 'sales channel',
        'go-to-market', 'market access', 'trade fair', 'pricing', 'promotion', 'brand awareness']),
      ...tier(0.8, ['brand', 'promote', 'advertise', 'social media', 'influencer', 'storytelling', 'word of mouth',
        'positioning', 'distribution channel', 'premium market', 'sell more', 'reach customers', 'exhibition',
        'sales']),
      ...tier(0.6, ['market', 'customer', 'followers', 'packaging', 'buyers', 'retail', 'off-season', 'listing']),
    ],
    exclude: {
      zh: ['技术推广', '推广种植', '市场监督管理局', '市场监管', '农贸市场', '批发市场', '市场主体', '成果推广'],
      en: ['market research'],
    },
  },

  // 电子商务 — selling online: online stores, WeChat shops, Taobao/Pinduoduo/Douyin, livestream selling.
  ecommerce: {
    zh: [
      ...tier(1.0, ['电商', '电子商务', '网店', '微店', '淘宝', '天猫', '京东', '拼多多', '抖音小店', '快手小店', '直播带货',
        '带货', '直播销售', '直播电商', '小程序商城', '网上商城', '线上商城', '网上卖', '线上销售', '网上销售',
        '线上店铺', '店铺运营', '产品上架', '代运营', '跨境电商', '电商平台', '微商', '农产品上行', '产品上行',
        '有赞', '网购', '上线销售']),
      ...tier(0.8, ['快手', '线上渠道', '直播', '上架', '视频号', '包邮', '朋友圈卖', '线上卖']),
      ...tier(0.6, ['抖音', '社区团购', '团购', '小程序', '开店', '快递', '退货率', '下单', '线上', '网上预订']),
    ],
    en: [
      ...tier(1.0, ['e-commerce', 'ecommerce', 'online store', 'online shop', 'webshop', 'WeChat shop', 'WeChat store',
        'Taobao', 'Tmall', 'Pinduoduo', 'livestream selling', 'live commerce', 'sell online', 'sold online',
        'online sales', 'online marketplace', 'Etsy', 'Shopify', 'dropshipping', 'mini program store']),
      ...tier(0.8, ['Douyin', 'Kuaishou', 'livestream', 'live-stream', 'online channel', 'Amazon', 'online order',
        'selling online', 'marketplace']),
      ...tier(0.6, ['online', 'delivery', 'store operation', 'OTA']),
    ],
    exclude: { zh: ['供电商', '发电商', '电商中心主任'] },
  },

  // 企业投融资 — equity fundraising: investors, VC/angel, valuation, pitching, share structure.
  fundraising: {
    zh: [
      ...tier(1.0, ['融资', '投融资', '股权融资', '引入投资', '引进投资', '找投资', '投资人', '投资方', '投资机构', '风投',
        '风险投资', '创投', '天使投资', '天使轮', '估值', '出让股份', '首轮融资', '募资', '对接投资', '引导基金',
        '融资路演', '股权投资', '创业投资', '战略投资']),
      ...tier(0.8, ['路演', '股份', '入股', '增资', '上市', '新三板', '私募', '基金', '投资', '资本', '股东']),
      ...tier(0.6, ['股权', '扩产资金', '建厂资金', '扩建', '期权']),
    ],
    en: [
      ...tier(1.0, ['fundraising', 'fund-raising', 'raise funds', 'raise capital', 'raise money', 'venture capital',
        'VC', 'angel investor', 'investor', 'valuation', 'Series A', 'funding round', 'investor readiness',
        'equity financing', 'impact investor', 'pitch to investors']),
      ...tier(0.8, ['investment', 'equity', 'pitch', 'pitch deck', 'angel']),
      ...tier(0.6, ['capital', 'shares', 'shareholder', 'funding', 'financing', 'stake', 'backed']),
    ],
    exclude: {
      zh: ['融资担保', '融资租赁', '收回投资', '投资回报', '投资回收', '总投资', '固定资产投资', '投资建设', '资本金',
        '作价入股', '技术入股', '入股合作社'],
      en: ['return on investment', 'investment payback'],
    },
  },

  // 经营管理 — running the business: operations, cost control, staffing, inventory, scaling, seasonality.
  management: {
    zh: [
      ...tier(1.0, ['经营管理', '企业管理', '团队管理', '人员管理', '运营管理', '成本控制', '成本管理', '降本增效',
        '进销存', '经营诊断', '经营风险', '管理制度', '内部管理', '合作社管理', '车队管理', '门店管理', '绩效',
        '人手不足', '人手不够', '运营总监', '总经理', '管理经验', '规模化经营', '扩大经营', '季节性经营']),
      ...tier(0.8, ['成本核算', '库存', '供应链管理', '调度', '排班', '招聘', '招人', '招工', '缺人', '工人不够', '降低成本',
        '损耗', '运力不足', '资金周转', '扩产', '扩大规模', '服务标准', '质量管理', '连锁', '淡旺季', '人不够',
        '产能', '线路规划']),
      ...tier(0.7, ['管理']),
      ...tier(0.6, ['流程', '效率', '用工', '规模', '利润', '毛利', '亏损', '扩张', '成本', '仓配一体化', '运营', '员工',
        '不够用']),
      ...tier(0.5, ['经营']),
    ],
    en: [
      ...tier(1.0, ['management', 'business operations', 'operations management', 'cost control', 'unit economics',
        'inventory management', 'human resources', 'team building', 'scale up', 'scaling up', 'staffing']),
      ...tier(0.8, ['operations', 'general manager', 'CEO', 'COO', 'inventory', 'hiring', 'efficiency', 'run the business', 'cost management',
        'quality control', 'workflow', 'HR', 'scaling']),
      ...tier(0.6, ['supply chain', 'seasonal', 'costs', 'profit', 'margin', 'employee', 'expand', 'capacity', 'manage',
        'hire', 'staff']),
    ],
    exclude: {
      zh: ['市场监督管理局', '边境管理', '管理局', '管理委员会', '经营范围', '经营许可', '经营资质',
        '经营者', '经营贷', '运营合同', '私域运营', '店铺运营', '直播运营', '电商运营', '平台运营', '新媒体运营',
        '短视频运营', '公众号运营', '账号运营', '内容运营'],
    },
  },

  // 互联网与数字技能 — using the internet and digital tools: mini programs, websites, video, data, booking systems.
  digital_skills: {
    zh: [
      ...tier(1.0, ['数字技能', '互联网技能', '数字化转型', '数字化工具', '信息化', '微信小程序', '小程序开发', '开发小程序', '建网站',
        '网站建设', '线上预订', '网上预订', '在线预订', '视频剪辑', '剪辑', '新媒体运营', '数据分析', '数字工具',
        '办公软件', '电脑操作', '不会用手机', '手机操作', '二维码', '移动支付', '技术选型', '上线系统', '调度系统',
        '订单追踪系统', '管理系统', '预约系统']),
      ...tier(0.8, ['小程序', '网站', '新媒体', '自媒体', '云服务', '编程', '软件', '短视频', '拍摄', '直播运营',
        '公众号运营', '网络安全', '智能手机', '远程监控', '线上课程', '互联网', '上网', '不会拍', '学电商', '电商培训',
        '电商带头人', '电商人才', '电商实操']),
      ...tier(0.6, ['系统', '数据', '线上', '网络', '电脑', '扫码', '拍照', '在线', '视频', '数字化', '数字技术']),
    ],
    en: [
      ...tier(1.0, ['digital skills', 'digital literacy', 'digital transformation', 'digitalization', 'digitization',
        'digitalisation', 'website', 'mini program', 'mini-program', 'online booking', 'video editing',
        'computer skills', 'online tools', 'booking system', 'content creation']),
      ...tier(0.8, ['app', 'software', 'social media', 'data analysis', 'data analytics', 'Excel', 'smartphone',
        'coding', 'programming', 'SEO', 'digital tools', 'tracking system']),
      ...tier(0.6, ['digital', 'internet', 'online', 'video', 'listings', 'bookings', 'platform', 'technology']),
    ],
    exclude: { zh: ['线上销售', '线上渠道', '线上商城', '线上店铺', '软件著作权'] },
  },
};
