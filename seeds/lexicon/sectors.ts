// Bilingual lexicon of Tibet's seven industries (Sector, shared/API.md; `other` has no lexicon).
// For every sector: Chinese and English phrases that place a project, mentor, investor or training in it.
// See ./types.ts for how weights, inflections and exclusions work. Products, place names and
// institutions are Tibet-specific (青稞, 牦牛, 藏药材, 吉隆口岸, 光储微电网, 唐卡 …); a text may
// legitimately signal several sectors (藏香 is green industry and, as a 非遗 craft, culture).
import type { Sector } from '../reference/enums.ts';
import { type LexiconEntry, tier } from './types.ts';

export type LexiconSector = Exclude<Sector, 'other'>;

export const sectorLexicon: Record<LexiconSector, LexiconEntry> = {
  // 高原生物 — plateau agriculture, livestock and biological resources: 青稞, 牦牛, 藏药材, 虫草, 林下经济.
  plateau_biology: {
    zh: [
      ...tier(1.0, ['高原生物', '藏药', '藏药材', '藏医药', '虫草', '冬虫夏草', '青稞', '牦牛', '酥油', '奶渣', '曲拉',
        '黑枸杞', '天麻', '玛卡', '藏香猪', '藏鸡', '高原蜂蜜', '松茸', '灵芝', '红景天', '雪莲', '藏红花', '贝母',
        '独一味', '手掌参', '人参果', '沙棘', '藏系绵羊', '藏羊', '绒山羊', '林下经济', '中药材', '药材', '青稞酒',
        '农畜产品', '农牧产品', '高原特产', '特色农产品', '种养殖', '生态养殖', '乳制品', '种苗', '良种']),
      ...tier(0.8, ['养殖', '畜牧', '牧场', '组培', '育种', '食用菌', '奶粉', '酸奶', '奶酪', '农产品', '茶叶', '茶园',
        '荞麦', '屠宰', '饲料', '兽医', '牦牛绒', '核桃', '蜂蜜', '草场', '农业', '收奶']),
      ...tier(0.6, ['种植', '牧民', '农牧民', '防疫', '有机', '苹果', '土豆', '油菜', '天然饮用水', '食品加工',
        '精深加工', '羊绒', '合作社']),
    ],
    en: [
      ...tier(1.0, ['plateau biology', 'Tibetan medicine', 'Tibetan medicinal', 'medicinal herb', 'cordyceps',
        'caterpillar fungus', 'highland barley', 'tsampa', 'yak', 'goji', 'sea buckthorn', 'matsutake', 'rhodiola',
        'Tibetan pig', 'livestock', 'dairy']),
      ...tier(0.8, ['barley', 'herder', 'herding', 'pasture', 'agriculture', 'agricultural product', 'saffron',
        'honey', 'medicinal', 'farming', 'yogurt', 'yoghurt', 'cheese', 'butter tea']),
      ...tier(0.6, ['organic', 'mushroom', 'tea', 'herb', 'farmer', 'cooperative', 'food processing', 'cashmere',
        'grassland']),
    ],
    exclude: { en: ['tea house'] },
  },

  // 文化旅游 — tourism, hospitality, intangible cultural heritage (非遗) and cultural-creative products.
  culture_tourism: {
    zh: [
      ...tier(1.0, ['文化旅游', '文旅', '旅游', '游客', '民宿', '客栈', '家庭旅馆', '牧家乐', '农家乐', '藏家乐', '景区',
        '景点', '徒步', '转山', '向导', '导游', '旅行社', '自驾游', '研学', '非遗', '非物质文化遗产', '唐卡', '藏戏',
        '文创', '文化创意', '传承人', '赛马节', '雪顿节', '望果节', '朝圣', '观光', '游览', '体验游', '乡村旅游',
        '生态旅游', '旅拍', '神山圣湖', '冈仁波齐']),
      ...tier(0.8, ['手工艺品', '工艺品', '民族手工艺', '传统工艺', '氆氇', '卡垫', '藏刀', '节庆', '演艺', '寺庙', '遗址',
        '古迹', '博物馆', '露营', '营地', '户外', '登山', '探险', '酒店', '客房', '入住', '度假', '携程', '飞猪',
        '藏文化', '布达拉宫', '八廓街', '桃花节', '藏装', '藏式服饰', '民族服饰', '传统纹样', '接待']),
      ...tier(0.6, ['文化', '体验', '摄影', '冰川', '珠峰', '纳木错', '住宿', '纹样', '藏香', '演出', '手工艺', '川藏线',
        '318国道', '自然教育', '传统文化', '工坊']),
    ],
    en: [
      ...tier(1.0, ['tourism', 'tourist', 'guesthouse', 'homestay', 'trekking', 'trek', 'tour guide', 'thangka',
        'intangible cultural heritage', 'cultural heritage', 'eco-tourism', 'ecotourism', 'sightseeing', 'pilgrim',
        'pilgrimage', 'kora', 'mountaineering', 'travel agency', 'cultural and creative']),
      ...tier(0.8, ['travel', 'traveller', 'traveler', 'hotel', 'hostel', 'hiking', 'hike', 'tour', 'guide',
        'handicraft', 'heritage', 'museum', 'monastery', 'festival', 'campsite', 'camping', 'visitor', 'Kailash',
        'Everest', 'hospitality']),
      ...tier(0.6, ['culture', 'cultural', 'craft', 'temple', 'outdoor', 'glacier', 'OTA', 'booking', 'photography']),
    ],
    exclude: { zh: ['旅游局', '旅游部门'] },
  },

  // 绿色工业 — manufacturing with low environmental impact: drinking water, Tibetan incense, ethnic handicraft
  // industry (藏毯, 氆氇), Tibetan-medicine manufacturing, building materials, processing plants, recycling.
  green_industry: {
    zh: [
      ...tier(1.0, ['绿色工业', '天然饮用水', '饮用水', '矿泉水', '包装饮用水', '藏香', '民族手工业', '手工业', '藏毯',
        '地毯', '毛纺', '建材', '水泥', '装配式建筑', '矿业', '绿色制造', '清洁生产', '循环经济', '资源综合利用',
        '藏药制造', '藏药生产', '藏药厂', '制药', '可降解', '节能减排']),
      ...tier(0.8, ['织造', '纺织', '牦牛绒', '手工制品', '氆氇', '卡垫', '石材', '砂石', '采矿', '矿产', '铜矿', '锂矿', '碳酸锂',
        '盐湖', '加工厂', '制造', '工厂', '厂房', '标准厂房', '生产车间', '药企', '回收利用', '废弃物', '垃圾处理',
        '污水处理', '节能', '环保', '低碳', '木碗', '石锅', '陶器', '酿造', '酒厂', '印刷']),
      ...tier(0.6, ['编织', '手工', '羊毛', '羊绒', '藏刀', '车间', '加工', '工艺品', '食品加工', '精深加工',
        '农畜产品加工', '包装厂', '织机']),
    ],
    en: [
      ...tier(1.0, ['green industry', 'green manufacturing', 'mineral water', 'drinking water', 'bottled water',
        'incense', 'building materials', 'cement', 'circular economy', 'biodegradable', 'textile']),
      ...tier(0.8, ['manufacturing', 'factory', 'carpet', 'rug', 'weaving', 'mining', 'lithium', 'recycling',
        'recycle', 'low-carbon', 'energy-saving', 'processing plant', 'pottery', 'ceramics', 'handicraft',
        'handmade', 'brewery', 'singing bowl', 'lokta paper']),
      ...tier(0.6, ['wool', 'cashmere', 'eco-friendly', 'workshop', 'craft', 'waste', 'felt products', 'plant']),
    ],
    exclude: { zh: ['地毯式'], en: ['power plant', 'solar plant'] },
  },

  // 清洁能源 — solar/PV, wind, hydro, geothermal, storage, microgrids, EV charging, clean heating.
  clean_energy: {
    zh: [
      ...tier(1.0, ['清洁能源', '新能源', '光伏', '太阳能', '风电', '风能', '风力发电', '水电站', '地热', '微电网', '储能',
        '光储', '离网', '并网', '逆变器', '充电桩', '充电站', '换电', '新能源汽车', '新能源车', '电动汽车', '清洁取暖',
        '光热', '氢能', '弃光', '弃风', '绿电', '绿色电力', '太阳灶', '沼气', '电站', '发电', '可再生能源']),
      ...tier(0.8, ['电动车', '电池', '供电', '电力', '电网', '用电', '生物质', '热泵', '碳中和', '电力工程', '热斑',
        '水电']),
      ...tier(0.6, ['能源', '碳排放', '减碳', '运维', '充电', '电工']),
    ],
    en: [
      ...tier(1.0, ['clean energy', 'renewable energy', 'renewable', 'solar', 'photovoltaic', 'PV', 'wind power',
        'wind energy', 'wind turbine', 'hydropower', 'geothermal', 'microgrid', 'micro-grid', 'mini-grid', 'off-grid',
        'energy storage', 'charging station', 'charging pile', 'electric vehicle', 'clean heating', 'green power']),
      ...tier(0.8, ['battery', 'inverter', 'EV', 'power station', 'power plant', 'electricity', 'power grid',
        'biogas', 'heat pump', 'hydrogen', 'curtailment', 'curtailed']),
      ...tier(0.6, ['energy', 'grid', 'carbon', 'power supply']),
    ],
    exclude: { zh: ['充电宝', '发电机组租赁'], en: ['energy bar', 'energy drink'] },
  },

  // 现代服务业 — local and business services: elderly care, domestic services, catering, repair, retail,
  // education, consulting, community services.
  modern_services: {
    zh: [
      ...tier(1.0, ['现代服务业', '服务业', '家政', '养老', '居家养老', '助餐', '助浴', '陪诊', '托育', '餐饮', '甜茶馆',
        '美容美发', '理发', '洗衣', '汽修', '汽车维修', '物业', '保洁', '社区服务', '本地生活', '外卖', '便利店',
        '家政员', '月嫂', '驾校', '婚庆', '健身', '快餐', '咨询服务']),
      ...tier(0.8, ['社区团购', '餐馆', '餐厅', '饭店', '茶馆', '烘焙', '咖啡', '修理', '维修', '零售', '教育培训',
        '培训机构', '诊所', '会展', '翻译', '房产中介', '面馆', '小吃', '幼儿园', '前置仓', '服务站',
        '餐吧', '糕点']),
      ...tier(0.6, ['超市', '配送', '医疗', '健康', '体育', '租赁', '人力资源', '设计服务', '早餐', '个体工商户',
        '门店', '社区']),
    ],
    en: [
      ...tier(1.0, ['modern services', 'elderly care', 'eldercare', 'home care', 'domestic services', 'housekeeping',
        'childcare', 'catering', 'laundry', 'car repair', 'auto repair', 'property management', 'food delivery',
        'beauty salon', 'hair salon']),
      ...tier(0.8, ['restaurant', 'cafe', 'café', 'bakery', 'repair shop', 'tutoring', 'translation', 'grocery',
        'fitness', 'cleaning service', 'community group buying', 'retail', 'healthcare', 'local services']),
      ...tier(0.6, ['services', 'education', 'consulting', 'repair', 'clinic', 'shop']),
    ],
    exclude: { zh: ['服务业务'] },
  },

  // 高新数字 — software, apps, mini programs, AI/data, Tibetan-language IT, digital content, drones, computing.
  digital_tech: {
    zh: [
      ...tier(1.0, ['高新数字', '数字经济', '数字技术', '高新技术', '软件开发', '应用程序', '人工智能', '大数据', '云计算',
        '数据中心', '算力', '区块链', '物联网', '信息技术', '网络安全', '语音识别', '机器翻译', '输入法', '藏文输入',
        '藏文软件', '数字文创', '数字内容', '在线教育', '数字孪生', '元宇宙', '算法', '芯片', '软件']),
      ...tier(0.8, ['小程序', '无人机', '机器人', '数字化', '信息化', '智慧', '加密货币', '游戏', '动漫', '传感器', '北斗', '虚拟现实',
        '数字素材', '表情包', '互联网平台', '系统开发', '远程监控', '调度系统', '学习平台', '注册用户', '付费转化',
        '高新技术企业', '科技企业', '短视频', '视频制作', '直播电商']),
      ...tier(0.6, ['智能', '平台', '互联网', '数字', '壁纸', '卫星', '直播', '新媒体', '自媒体', '矿场', '系统', '电商']),
    ],
    en: [
      ...tier(1.0, ['software', 'mobile app', 'artificial intelligence', 'AI', 'machine learning', 'big data',
        'data center', 'data centre', 'blockchain', 'IoT', 'SaaS', 'speech recognition', 'high-tech', 'mini program',
        'cloud computing']),
      ...tier(0.8, ['app', 'digital', 'drone', 'robot', 'cryptocurrency', 'crypto', 'online platform', 'video production',
        'tech startup', 'semiconductor', 'VR', 'AR', 'algorithm', 'internet', 'digital content']),
      ...tier(0.6, ['platform', 'cloud', 'video', 'content', 'followers', 'technology', 'data', 'online', 'e-commerce']),
    ],
    exclude: { zh: ['智能手机'] },
  },

  // 边贸物流 — border trade through 吉隆/樟木/亚东/普兰/里孜 ports, customs, cross-border, logistics, cold chain,
  // warehousing, express delivery, supply chain.
  border_trade_logistics: {
    zh: [
      ...tier(1.0, ['边贸', '边境贸易', '边民互市', '互市', '口岸', '吉隆', '樟木', '亚东', '里孜', '日屋', '陈塘',
        '中尼', '跨境', '进出口', '外贸', '报关', '清关', '保税', '物流', '冷链', '冷库', '冷藏车', '仓储', '仓配',
        '货运', '物流园', '陆港', '南亚大通道', '快递', '寄递', '供应链']),
      ...tier(0.8, ['海关', '尼泊尔', '南亚', '仓库', '前置仓', '配送', '运输', '中转', '转运', '集散', '车队', '冷藏',
        '进口', '出口', '贸易商', '跨境电商', '检验检疫', '批发']),
      ...tier(0.6, ['贸易', '批发市场', '供销', '调度', '发货', '收购', '物资', '普兰', '边境']),
    ],
    en: [
      ...tier(1.0, ['border trade', 'cross-border', 'Gyirong', 'Kyirong', 'Zhangmu', 'Yadong', 'Burang', 'logistics',
        'cold chain', 'warehouse', 'freight', 'customs clearance', 'customs', 'bonded', 'courier',
        'express delivery', 'last mile', 'last-mile']),
      ...tier(0.8, ['import', 'export', 'Nepal', 'Nepali', 'Nepalese', 'Kathmandu', 'shipping', 'supply chain',
        'trucking', 'transport', 'transportation', 'distribution center', 'port', 'trader']),
      ...tier(0.6, ['trade', 'wholesale', 'delivery', 'ship']),
    ],
  },
};
