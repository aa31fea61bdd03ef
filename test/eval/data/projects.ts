// Projects of the evaluation set: what founders actually write in a center's application form. Needs
// are often listed badly (only one topic, or the wrong one) and stated in the prose instead; some are in
// English or mixed Chinese/English; a few carry Tibetan. All but three are vetted, so they are also the
// candidates of the investor→projects journey.
import type { EvalProject } from './types.ts';

export const projects: EvalProject[] = [
  {
    key: 'p-ghee-weidian',
    title: '卓玛家的酥油和奶渣',
    description:
      '我是曲水县才纳乡的牧民，家里有三十多头奶牛和犏牛，每年打的酥油、晒的奶渣除了自家吃，都是亲戚朋友上门来买。拉萨的老乡说城里人认这种家里打的酥油。我想开个微店卖酥油，再拍点打酥油的视频发到朋友圈和抖音上，可是不知道怎么定价，夏天快递怎么保鲜也不清楚。མར་དང་ཕྱུར་བ།',
    sector: 'plateau_biology', stage: 'idea', regionCode: '540124', center: 'c-qushui', founders: ['f-drolma'],
    needs: ['marketing'], fundingNeedCny: 30000, languages: ['bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-barley-noodle',
    title: '贡嘎县青稞挂面加工坊',
    description:
      '用本地黑青稞和白青稞磨粉，做青稞含量六成以上的挂面和青稞饸饹面。小作坊已经试生产了三个月，口感不错但面条容易断，配方还要调整。想进超市就必须办食品生产许可证，还要做营养成分检测、设计标签。打算申请创业担保贷款买一台全自动挂面机。',
    sector: 'plateau_biology', stage: 'prototype', regionCode: '540522', center: 'c-shannan', founders: ['f-tsomo', 'f-bianba'],
    needs: ['certification', 'rnd_design', 'loans'], fundingNeedCny: 300000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-yak-leather',
    title: '那曲牦牛皮手工皮具',
    description:
      '把屠宰场当废料处理的牦牛皮鞣制后，手工做成钱包、手机壳和马鞍包，保留牦牛皮天然的纹理。现在三个人手工缝制，每月能做两百件，游客很喜欢，但价格一直卖不上去：没有自己的品牌，包装也简陋，还担心款式被别人仿冒。',
    sector: 'green_industry', stage: 'early_revenue', regionCode: '540602', center: 'c-nagqu', founders: ['f-nyima-tashi', 'f-lhakpa-drolkar'],
    needs: ['rnd_design', 'marketing'], fundingNeedCny: 200000, languages: ['bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-thangka-studio',
    title: '勉唐派唐卡画室与学徒培养',
    description:
      '画室有两位传承人、八名学徒，接定制唐卡和寺庙壁画修复。最近发现网上有人把我们的唐卡照片印在T恤和抱枕上卖，想知道作品能不能登记版权、怎么维权。也想把画室注册成公司，和学徒签规范的合同。',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540102', center: 'c-lhasa-youth', founders: ['f-kelsang-tsering'],
    needs: ['legal', 'ip', 'registration'], languages: ['bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-agrivoltaic',
    title: '江孜光伏农业大棚',
    description:
      '在江孜县的撂荒地上建“板上发电、板下种植”的光伏大棚，棚下种羊肚菌和反季节蔬菜。已经和村集体签了土地流转意向书，正在做可行性研究，需要对接光伏设计单位和农科院的种植技术，也想了解清洁能源项目的补贴和并网政策。',
    sector: 'clean_energy', stage: 'idea', regionCode: '540222', center: 'c-shigatse', founders: ['f-wang-hao'],
    needs: ['project_planning', 'tech_transfer', 'policy'], fundingNeedCny: 2000000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-yadong-border',
    title: '亚东边民互市商品购销',
    description:
      '在亚东仁青岗边贸市场做边民互市，从对面进口香料、羊毛披肩和手工艺品，再批发到拉萨和内地。去年流水两百多万，但收款都是现金和个人账户，发票和报关手续很乱，想规范财务、合规纳税。旺季备货还需要一笔流动资金。',
    sector: 'border_trade_logistics', stage: 'early_revenue', regionCode: '540233', center: 'c-shigatse', founders: ['f-wangmo'],
    needs: ['finance_tax', 'loans'], fundingNeedCny: 500000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-basum-guesthouse',
    title: 'Lakeside guesthouse near Basum Tso',
    description:
      'We run a six-room Tibetan-style guesthouse in Gongbo\'gyamda, ten minutes from Basum Tso lake. July to October is fully booked, but from November to April almost no guests come. We want to get listed on Ctrip and Booking, design winter packages (hot springs, village festivals) and we need a loan to add heating and private bathrooms.',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540421', center: 'c-nyingchi', founders: ['f-dawa-dolkar'],
    needs: ['marketing', 'loans'], fundingNeedCny: 400000, languages: ['en', 'zh'], status: 'vetted',
  },
  {
    key: 'p-pos-saas',
    title: '藏汉双语小店收银与进销存SaaS',
    description:
      '给拉萨、日喀则的甜茶馆、小超市和藏装店做藏汉双语的收银App，支持扫码支付、库存和会员管理，已有120家付费门店。准备做一轮天使融资扩大团队，同时申请软件著作权；接入电子发票还需要懂税务的人指导。',
    sector: 'digital_tech', stage: 'early_revenue', regionCode: '540102', center: 'c-lhasa-youth', founders: ['f-tenzin-chophel'],
    needs: ['fundraising', 'ip'], fundingNeedCny: 1500000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-cordyceps-trace',
    title: '那曲虫草产地溯源与分级',
    description:
      '虫草市场以次充好、冒充那曲产地的情况很多。我们给合作社的虫草做产地溯源二维码，每一根按重量和品相分级，消费者扫码就能看到采挖地点和检测报告。需要对接有资质的第三方检测机构，也想找能做区块链溯源平台的技术团队。',
    sector: 'plateau_biology', stage: 'prototype', regionCode: '540602', center: 'c-nagqu', founders: ['f-gyaltsen'],
    needs: ['certification', 'tech_intermediary'], fundingNeedCny: 800000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-seabuckthorn',
    title: '雅江河谷野生沙棘果汁',
    description:
      '雅鲁藏布江河谷有大片野生沙棘林，我们收购农户采摘的沙棘果做原浆和果汁饮料。第一批样品酸涩味太重，还有分层沉淀，要重新调配方；还要办SC、做包装，计划先在拉萨的超市和景区试销，看看游客买不买账。',
    sector: 'plateau_biology', stage: 'prototype', regionCode: '540202', center: 'c-shigatse', founders: ['f-sonam-chodron'],
    needs: ['rnd_design', 'certification'], fundingNeedCny: 600000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-sweet-tea',
    title: '城关区社区甜茶馆',
    description:
      '在城关区开了两家甜茶馆，卖甜茶、藏面和酥油茶，每天三四百位客人。想三年内开到五家店。现在两家店的账都是我爱人用本子记，每个月赚多少说不清，员工排班也乱。一直用的是个体户执照，还没注册公司。',
    sector: 'modern_services', stage: 'early_revenue', regionCode: '540102', center: 'c-lhasa-youth', founders: ['f-lobsang-yangkyi'],
    needs: ['management'], fundingNeedCny: 800000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-ngari-delivery',
    title: '阿里乡村快递共同配送',
    description:
      '阿里的快递大多只到县城，牧民取一个包裹要跑几十公里。我们用两辆皮卡把几家快递公司的包裹合起来，每周三趟送到乡镇服务点，回程顺便把牧民的牦牛肉干、羊绒带出来卖。需要贷款买一辆冷藏车，也要学会线路调度和算清楚每一单的成本。',
    sector: 'border_trade_logistics', stage: 'early_revenue', regionCode: '542523', center: 'c-ngari', founders: ['f-tsewang'],
    needs: ['loans', 'management'], fundingNeedCny: 600000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-car-rescue',
    title: '318国道汽车救援与快修',
    description:
      '我们三个退役军人在318国道八宿到然乌一段做汽车道路救援和快修，自驾游客在怒江七十二拐一带爆胎、缺氧熄火的很多。现在只有一辆救援车，想办正规的机动车维修经营备案，也想了解退役军人创业的贴息贷款和税费减免政策。',
    sector: 'modern_services', stage: 'early_revenue', regionCode: '540326', center: 'c-chamdo', founders: ['f-zhang-jun', 'f-yang-lin'],
    needs: ['registration', 'policy', 'loans'], fundingNeedCny: 300000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-tutor-miniapp',
    title: '藏语家教预约小程序',
    description:
      '我们是西藏大学大三的学生，发现很多在藏工作的内地家庭想给孩子找藏语家教，会藏语的大学生也想做兼职。想做一个预约小程序，现在只有想法，不知道从哪里开始：要不要先注册公司？启动资金从哪里来？',
    sector: 'digital_tech', stage: 'idea', regionCode: '540102', center: 'c-lhasa-youth', founders: ['f-tenzin-wangdrak', 'f-liu-xin'],
    needs: ['project_planning', 'seed_funding'], fundingNeedCny: 50000, languages: ['zh', 'bo'], status: 'submitted',
  },
  {
    key: 'p-solar-heater',
    title: '那曲牧区太阳能热水器与太阳房',
    description:
      '那曲冬天长，牧民洗澡取暖大多靠烧牛粪。我们代理太阳能热水器和被动式太阳房的安装，已经在色尼区装了八十多户。想申请清洁取暖补贴项目，产品要做高海拔低温环境下的检测，还要培训会说藏语的安装工。',
    sector: 'clean_energy', stage: 'early_revenue', regionCode: '540602', center: 'c-nagqu', founders: ['f-gonggar'],
    needs: ['policy', 'certification'], fundingNeedCny: 1000000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-rhodiola',
    title: '红景天苷高纯度提取与抗缺氧产品',
    description:
      '团队来自区内一家研究所，掌握从大花红景天中提取红景天苷的工艺，得率和纯度都高于现有方法，已做出中试样品。计划先申请发明专利，再和保健食品企业合作开发抗缺氧产品，想找懂科技成果转化和股权融资的人。',
    sector: 'plateau_biology', stage: 'prototype', regionCode: '540402', center: 'c-nyingchi', founders: ['f-li-mingzhe', 'f-dekyi-chodron'],
    needs: ['ip', 'tech_transfer', 'fundraising'], fundingNeedCny: 3000000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-kora-app',
    title: 'Offline kora audio guide for Ngari',
    description:
      'An offline app with maps and audio stories in Tibetan, Chinese and English for the Kailash and Manasarovar kora routes, for pilgrims and trekkers without mobile signal. The beta works and 40 stories were recorded with local elders. We need seed money, help with publishing on app stores and WeChat, and advice on the copyright of the recordings.',
    sector: 'digital_tech', stage: 'prototype', regionCode: '542521', center: 'c-ngari', founders: ['f-tashi-norbu'],
    needs: ['seed_funding', 'ip'], fundingNeedCny: 300000, languages: ['en', 'bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-prefab-house',
    title: '轻钢装配式藏式民居',
    description:
      '昌都农村自建房成本高、工期长。我们设计了一套外观保留藏式风格的轻钢装配式民居，保温比土木房好很多，样板房已经建成。需要做建材的检测认证和抗震试验，也想对接高校的建筑节能技术，并争取建材行业的信贷支持。',
    sector: 'green_industry', stage: 'prototype', regionCode: '540302', center: 'c-chamdo', founders: ['f-zhao-yu'],
    needs: ['certification', 'tech_transfer', 'loans'], fundingNeedCny: 2500000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-plastic-recycle',
    title: '废旧塑料回收再生颗粒',
    description:
      '拉萨每天产生大量饮料瓶和快递塑料袋，我们在堆龙德庆租了厂房，把回收的塑料清洗破碎做成再生颗粒，卖给内地的工厂。环评手续还在办，想了解固废资源化的补贴和税收优惠，也要把公司的环保合规做扎实。',
    sector: 'green_industry', stage: 'early_revenue', regionCode: '540103', center: 'c-lhasa-youth', founders: ['f-chen-yu'],
    needs: ['policy', 'legal'], fundingNeedCny: 1200000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-felt-crafts',
    title: '雅砻羊毛毡文创小物',
    description:
      '用山南本地绵羊毛手工戳羊毛毡，做成小牦牛、藏羚羊挂件和冰箱贴，在雍布拉康景区门口的小店卖。想开发一套讲雅砻文化故事的新品，把包装做得精致一些，也想在网上卖，让没来过西藏的人也能买到。',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540502', center: 'c-shannan', founders: ['f-dekyi-drolma'],
    needs: ['rnd_design'], fundingNeedCny: 100000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-daycare',
    title: '日喀则藏汉双语托育中心',
    description:
      '日喀则城区双职工家庭多，三岁以下的托育机构很少。我们打算开一家藏汉双语托育中心，先招三十个孩子。需要了解托育机构备案的条件、消防和卫生评价怎么过；房租和装修投入大，想申请创业担保贷款。',
    sector: 'modern_services', stage: 'idea', regionCode: '540202', center: 'c-shigatse', founders: ['f-pema-lhamo'],
    needs: ['legal', 'registration', 'loans'], fundingNeedCny: 400000, languages: ['zh', 'bo'], status: 'submitted',
  },
  {
    key: 'p-drone-grassland',
    title: '无人机草原鼠害巡检',
    description:
      '用多光谱无人机巡查那曲、阿里草原的鼠害和退化情况，用AI识别鼠洞密度，给林草部门出监测报告。团队有遥感博士和两名飞手，已经在两个县做过试点。需要民用无人机运营合格证，也缺政府购买服务的投标经验；下一步融资扩大机队。',
    sector: 'digital_tech', stage: 'early_revenue', regionCode: '540102', center: 'c-lhasa-youth', founders: ['f-gao-feng'],
    needs: ['certification', 'fundraising'], fundingNeedCny: 2000000, languages: ['zh', 'en'], status: 'vetted',
  },
  {
    key: 'p-wooden-bowl',
    title: '察雅木碗直播带货',
    description:
      '察雅的木碗手艺在我们家传了好几代，现在主要卖给路过昌都的游客。女儿在抖音上试着直播了几次，一晚上卖出二十多个碗，但我们不会剪视频，也不懂投流和抖店的规则，想系统学一学，把木碗卖到全国。',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540325', center: 'c-chamdo', founders: ['f-tashi-bowl', 'f-tsering-lhamo'],
    needs: ['ecommerce'], fundingNeedCny: 80000, languages: ['bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-gear-rental',
    title: '拉萨户外装备租赁 Outdoor gear rental',
    description:
      '我们在拉萨北京东路开了一家 outdoor gear rental 店，出租冲锋衣、睡袋、帐篷和氧气瓶，客人主要是内地和国外的 backpackers。Bookings come by WeChat only，想做一个线上预订和会员系统，也在找投资人，明年开到日喀则和林芝。',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540102', center: 'c-lhasa-youth', founders: ['f-kelsang-chodrak'],
    needs: ['fundraising', 'digital_skills'], fundingNeedCny: 600000, languages: ['zh', 'en'], status: 'vetted',
  },
  {
    key: 'p-pig-farm',
    title: '芒康藏香猪林下养殖（筹备）',
    description:
      '退伍回村后想在林下散养藏香猪，村里有一片核桃林可以用。还在算投入产出，不确定养多少头合适、猪肉卖给谁，也想知道退役军人和农牧民创业有什么补贴。',
    sector: 'plateau_biology', stage: 'idea', regionCode: '540328', center: 'c-chamdo', founders: ['f-x-dorje'],
    needs: ['project_planning'], languages: ['zh', 'bo'], status: 'draft',
  },
  // ── projects judged only as candidates of investor→projects (their founders registered above) ─────
  {
    key: 'p-dried-yak-meat',
    title: '那曲风干牦牛肉作坊',
    description:
      '冬天宰杀的牦牛肉按老办法挂在帐篷外风干，牧民和游客都爱吃。想办一个正规的小作坊，需要食品生产许可，还要买真空包装机和一间小冷库，打算申请贷款。',
    sector: 'plateau_biology', stage: 'prototype', regionCode: '540602', center: 'c-nagqu', founders: ['f-x-migmar'],
    needs: ['certification', 'loans'], fundingNeedCny: 150000, languages: ['bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-matsutake-shop',
    title: '林芝松茸与野生蜂蜜网店',
    description:
      '在淘宝和视频号卖林芝的松茸和野生蜂蜜，去年卖了四十多万元。松茸季节只有两个月，要靠冷链当天发货；想多做直播和老客户社群，把蜂蜜做成全年都能卖的产品。',
    sector: 'plateau_biology', stage: 'early_revenue', regionCode: '540402', center: 'c-nyingchi', founders: ['f-x-huang-li'],
    needs: ['ecommerce', 'marketing'], fundingNeedCny: 200000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-study-tour',
    title: '雅砻文化研学民宿',
    description:
      '在昌珠镇改造一座老藏房做研学民宿，给内地中小学生设计雅砻文化研学线路：参观雍布拉康、学做氆氇和藏香。已经接待过两批试营业的学生团，需要装修资金，也要把课程和线路打磨成标准产品。',
    sector: 'culture_tourism', stage: 'prototype', regionCode: '540502', center: 'c-shannan', founders: ['f-x-tsundue'],
    needs: ['project_planning', 'marketing'], fundingNeedCny: 500000, languages: ['zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-everest-trek',
    title: 'Everest base camp trekking for foreign visitors',
    description:
      'We organise treks from Tingri to Everest base camp for foreign visitors with local Tibetan guides and yak teams. Permits have to go through a licensed travel agency, so we want to set up our own licensed agency, buy two off-road vehicles with a loan, and get better at online marketing.',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540223', center: 'c-shigatse', founders: ['f-x-lobsang'],
    needs: ['legal', 'loans', 'marketing'], fundingNeedCny: 300000, languages: ['en', 'zh', 'bo'], status: 'vetted',
  },
  {
    key: 'p-battery-box',
    title: '高原储能电池自加热保温箱',
    description:
      '锂电池在零下二十度时容量掉一半，牧区的离网光伏和通信基站冬天经常断电。我们研发了带自加热和远程监控的储能电池保温箱，样机在那曲测了一个冬天，下一步要做产品认证和小批量生产，正在找投资。',
    sector: 'clean_energy', stage: 'prototype', regionCode: '540102', founders: ['f-x-xu-bo'],
    needs: ['certification', 'fundraising'], fundingNeedCny: 1000000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-bookkeeping-firm',
    title: '昌都代理记账工作室',
    description:
      '已经给二十多家个体户和小饭馆代账报税，准备正式成立代理记账公司并去财政局备案，再招两名会计，把客户扩展到卡若区的商户和合作社。',
    sector: 'modern_services', stage: 'early_revenue', regionCode: '540302', center: 'c-chamdo', founders: ['f-x-ma-xd'],
    needs: ['registration', 'marketing'], fundingNeedCny: 100000, languages: ['zh'], status: 'vetted',
  },
  {
    key: 'p-nyemo-paper',
    title: '尼木藏纸文创',
    description:
      '用狼毒草根造的尼木藏纸防虫耐久，我们用它做笔记本、书签和经文抄写套装，在拉萨八廓街的店里寄卖。想开发更多有设计感的文创产品和礼盒，也想在网上开店。',
    sector: 'culture_tourism', stage: 'early_revenue', regionCode: '540123', founders: ['f-x-lhamo-kyi'],
    needs: ['rnd_design', 'marketing'], fundingNeedCny: 150000, languages: ['bo', 'zh'], status: 'vetted',
  },
  {
    key: 'p-nagqu-garage',
    title: '那曲汽修洗车店',
    description:
      '色尼区跑长途的货车和越野车多，冬天修车要排队。想租一个带暖棚的门面开汽修和洗车店，需要办营业执照和维修备案，买举升机和洗车设备的钱想申请退役军人创业贷款。',
    sector: 'modern_services', stage: 'idea', regionCode: '540602', center: 'c-nagqu', founders: ['f-x-chodak'],
    needs: ['registration', 'loans'], fundingNeedCny: 250000, languages: ['zh', 'bo'], status: 'vetted',
  },
];
