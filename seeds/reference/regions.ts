// Tibet Autonomous Region (西藏自治区) administrative divisions, current GB/T 2260 codes
// (state after the 2023 changes: 米林县 540422 → 米林市 540481, 错那县 540530 → 错那市 540581).
// 1 region + 7 prefecture-level divisions + 74 county-level divisions = 82 rows.
// The functional zones with statistical codes 540171–540174 (拉萨高新区, 拉萨经开区, 西藏文化旅游创意园区,
// 达孜工业园区) are not administrative divisions and are deliberately not listed.
// English county names are Hanyu pinyin of the Chinese name (Tibetan-pinyin form in the trailing comment).
// Tibetan names (nameBo) in Tibetan script, with རྫོང (county), ཆུས (district) or གྲོང་ཁྱེར (city) for the
// county level; left out where not verified (巴宜区, 色尼区): those read in Chinese (regionName falls back).
import type { SeedRegion } from './types.js';

export const REGION_ROOT = '540000';

export const regions: SeedRegion[] = [
  {
    code: '540000',
    nameZh: '西藏自治区',
    nameEn: 'Tibet Autonomous Region',
    nameBo: 'བོད་རང་སྐྱོང་ལྗོངས',
    level: 'region',
    parentCode: null,
  },

  // 拉萨市 Lhasa — 8
  { code: '540100', nameZh: '拉萨市', nameEn: 'Lhasa', nameBo: 'ལྷ་ས', level: 'prefecture', parentCode: '540000' },
  {
    code: '540102',
    nameZh: '城关区',
    nameEn: 'Chengguan District',
    nameBo: 'ཁྲིན་ཀོན་ཆུས',
    level: 'county',
    parentCode: '540100',
    seat: true,
  },
  {
    code: '540103',
    nameZh: '堆龙德庆区',
    nameEn: 'Duilongdeqing District',
    nameBo: 'སྟོད་ལུང་བདེ་ཆེན་ཆུས',
    level: 'county',
    parentCode: '540100',
  }, // Doilungdêqên
  {
    code: '540104',
    nameZh: '达孜区',
    nameEn: 'Dazi District',
    nameBo: 'སྟག་རྩེ་ཆུས',
    level: 'county',
    parentCode: '540100',
  }, // Dagzê
  {
    code: '540121',
    nameZh: '林周县',
    nameEn: 'Linzhou County',
    nameBo: 'ལྷུན་གྲུབ་རྫོང',
    level: 'county',
    parentCode: '540100',
  }, // Lhünzhub
  {
    code: '540122',
    nameZh: '当雄县',
    nameEn: 'Dangxiong County',
    nameBo: 'འདམ་གཞུང་རྫོང',
    level: 'county',
    parentCode: '540100',
  }, // Damxung
  { code: '540123', nameZh: '尼木县', nameEn: 'Nimu County', nameBo: 'སྙེ་མོ་རྫོང', level: 'county', parentCode: '540100' }, // Nyêmo
  {
    code: '540124',
    nameZh: '曲水县',
    nameEn: 'Qushui County',
    nameBo: 'ཆུ་ཤུར་རྫོང',
    level: 'county',
    parentCode: '540100',
  }, // Qüxü
  {
    code: '540127',
    nameZh: '墨竹工卡县',
    nameEn: 'Mozhugongka County',
    nameBo: 'མལ་གྲོ་གུང་དཀར་རྫོང',
    level: 'county',
    parentCode: '540100',
  }, // Maizhokunggar

  // 日喀则市 Shigatse — 18
  {
    code: '540200',
    nameZh: '日喀则市',
    nameEn: 'Shigatse',
    nameBo: 'གཞིས་ཀ་རྩེ',
    level: 'prefecture',
    parentCode: '540000',
  },
  {
    code: '540202',
    nameZh: '桑珠孜区',
    nameEn: 'Sangzhuzi District',
    nameBo: 'བསམ་གྲུབ་རྩེ་ཆུས',
    level: 'county',
    parentCode: '540200',
    seat: true,
  }, // Samzhubzê
  {
    code: '540221',
    nameZh: '南木林县',
    nameEn: 'Nanmulin County',
    nameBo: 'རྣམ་གླིང་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Namling
  {
    code: '540222',
    nameZh: '江孜县',
    nameEn: 'Jiangzi County',
    nameBo: 'རྒྱལ་རྩེ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Gyangzê
  {
    code: '540223',
    nameZh: '定日县',
    nameEn: 'Dingri County',
    nameBo: 'དིང་རི་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Tingri
  { code: '540224', nameZh: '萨迦县', nameEn: 'Sajia County', nameBo: 'ས་སྐྱ་རྫོང', level: 'county', parentCode: '540200' }, // Sa'gya
  { code: '540225', nameZh: '拉孜县', nameEn: 'Lazi County', nameBo: 'ལྷ་རྩེ་རྫོང', level: 'county', parentCode: '540200' }, // Lhazê
  {
    code: '540226',
    nameZh: '昂仁县',
    nameEn: 'Angren County',
    nameBo: 'ངམ་རིང་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Ngamring
  {
    code: '540227',
    nameZh: '谢通门县',
    nameEn: 'Xietongmen County',
    nameBo: 'བཞད་མཐོང་སྨོན་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Xaitongmoin
  {
    code: '540228',
    nameZh: '白朗县',
    nameEn: 'Bailang County',
    nameBo: 'པ་སྣམ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Bainang
  {
    code: '540229',
    nameZh: '仁布县',
    nameEn: 'Renbu County',
    nameBo: 'རིན་སྤུངས་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Rinbung
  {
    code: '540230',
    nameZh: '康马县',
    nameEn: 'Kangma County',
    nameBo: 'ཁང་དམར་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Kangmar
  {
    code: '540231',
    nameZh: '定结县',
    nameEn: 'Dingjie County',
    nameBo: 'གདིང་སྐྱེས་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Dinggyê
  {
    code: '540232',
    nameZh: '仲巴县',
    nameEn: 'Zhongba County',
    nameBo: 'འབྲོང་པ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Zhongba
  {
    code: '540233',
    nameZh: '亚东县',
    nameEn: 'Yadong County',
    nameBo: 'གྲོ་མོ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Yadong
  {
    code: '540234',
    nameZh: '吉隆县',
    nameEn: 'Jilong County',
    nameBo: 'སྐྱིད་གྲོང་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Gyirong
  {
    code: '540235',
    nameZh: '聂拉木县',
    nameEn: 'Nielamu County',
    nameBo: 'གཉའ་ལམ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Nyalam
  {
    code: '540236',
    nameZh: '萨嘎县',
    nameEn: 'Saga County',
    nameBo: 'ས་དགའ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Saga
  {
    code: '540237',
    nameZh: '岗巴县',
    nameEn: 'Gangba County',
    nameBo: 'གམ་པ་རྫོང',
    level: 'county',
    parentCode: '540200',
  }, // Gamba

  // 昌都市 Chamdo — 11
  { code: '540300', nameZh: '昌都市', nameEn: 'Chamdo', nameBo: 'ཆབ་མདོ', level: 'prefecture', parentCode: '540000' },
  {
    code: '540302',
    nameZh: '卡若区',
    nameEn: 'Karuo District',
    nameBo: 'མཁར་རོ་ཆུས',
    level: 'county',
    parentCode: '540300',
    seat: true,
  }, // Karub
  {
    code: '540321',
    nameZh: '江达县',
    nameEn: 'Jiangda County',
    nameBo: 'འཇོ་མདའ་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Jomda
  {
    code: '540322',
    nameZh: '贡觉县',
    nameEn: 'Gongjue County',
    nameBo: 'གོ་འཇོ་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Gonjo
  {
    code: '540323',
    nameZh: '类乌齐县',
    nameEn: 'Leiwuqi County',
    nameBo: 'རི་བོ་ཆེ་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Riwoqê
  {
    code: '540324',
    nameZh: '丁青县',
    nameEn: 'Dingqing County',
    nameBo: 'སྟེང་ཆེན་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Dêngqên
  {
    code: '540325',
    nameZh: '察雅县',
    nameEn: 'Chaya County',
    nameBo: 'བྲག་གཡབ་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Chagyab
  {
    code: '540326',
    nameZh: '八宿县',
    nameEn: 'Basu County',
    nameBo: 'དཔའ་ཤོད་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Baxoi
  {
    code: '540327',
    nameZh: '左贡县',
    nameEn: 'Zuogong County',
    nameBo: 'མཛོ་སྒང་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Zogang
  {
    code: '540328',
    nameZh: '芒康县',
    nameEn: 'Mangkang County',
    nameBo: 'སྨར་ཁམས་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Markam
  {
    code: '540329',
    nameZh: '洛隆县',
    nameEn: 'Luolong County',
    nameBo: 'ལྷོ་རོང་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Lhorong
  {
    code: '540330',
    nameZh: '边坝县',
    nameEn: 'Bianba County',
    nameBo: 'དཔལ་འབར་རྫོང',
    level: 'county',
    parentCode: '540300',
  }, // Banbar

  // 林芝市 Nyingchi — 7
  { code: '540400', nameZh: '林芝市', nameEn: 'Nyingchi', nameBo: 'ཉིང་ཁྲི', level: 'prefecture', parentCode: '540000' },
  { code: '540402', nameZh: '巴宜区', nameEn: 'Bayi District', level: 'county', parentCode: '540400', seat: true },
  {
    code: '540421',
    nameZh: '工布江达县',
    nameEn: 'Gongbujiangda County',
    nameBo: 'ཀོང་པོ་རྒྱ་མདའ་རྫོང',
    level: 'county',
    parentCode: '540400',
  }, // Gongbo'gyamda
  {
    code: '540423',
    nameZh: '墨脱县',
    nameEn: 'Motuo County',
    nameBo: 'མེ་ཏོག་རྫོང',
    level: 'county',
    parentCode: '540400',
  }, // Mêdog
  { code: '540424', nameZh: '波密县', nameEn: 'Bomi County', nameBo: 'སྤོ་མེས་རྫོང', level: 'county', parentCode: '540400' }, // Bomê
  {
    code: '540425',
    nameZh: '察隅县',
    nameEn: 'Chayu County',
    nameBo: 'རྫ་ཡུལ་རྫོང',
    level: 'county',
    parentCode: '540400',
  }, // Zayü
  { code: '540426', nameZh: '朗县', nameEn: 'Lang County', nameBo: 'སྣང་རྫོང', level: 'county', parentCode: '540400' }, // Nang
  {
    code: '540481',
    nameZh: '米林市',
    nameEn: 'Milin City',
    nameBo: 'སྨན་གླིང་གྲོང་ཁྱེར',
    level: 'county',
    parentCode: '540400',
  }, // Mainling; was 米林县 540422 until 2023

  // 山南市 Shannan (Lhoka) — 12
  {
    code: '540500',
    nameZh: '山南市',
    nameEn: 'Shannan (Lhoka)',
    nameBo: 'ལྷོ་ཁ',
    level: 'prefecture',
    parentCode: '540000',
  },
  {
    code: '540502',
    nameZh: '乃东区',
    nameEn: 'Naidong District',
    nameBo: 'སྣེ་གདོང་ཆུས',
    level: 'county',
    parentCode: '540500',
    seat: true,
  }, // Nêdong
  {
    code: '540521',
    nameZh: '扎囊县',
    nameEn: 'Zhanang County',
    nameBo: 'གྲ་ནང་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Chanang
  {
    code: '540522',
    nameZh: '贡嘎县',
    nameEn: 'Gongga County',
    nameBo: 'གོང་དཀར་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Gonggar
  {
    code: '540523',
    nameZh: '桑日县',
    nameEn: 'Sangri County',
    nameBo: 'ཟངས་རི་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Sangri
  {
    code: '540524',
    nameZh: '琼结县',
    nameEn: 'Qiongjie County',
    nameBo: 'འཕྱོངས་རྒྱས་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Qonggyai
  {
    code: '540525',
    nameZh: '曲松县',
    nameEn: 'Qusong County',
    nameBo: 'ཆུ་གསུམ་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Qusum
  {
    code: '540526',
    nameZh: '措美县',
    nameEn: 'Cuomei County',
    nameBo: 'མཚོ་སྨད་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Comai
  {
    code: '540527',
    nameZh: '洛扎县',
    nameEn: 'Luozha County',
    nameBo: 'ལྷོ་བྲག་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Lhozhag
  {
    code: '540528',
    nameZh: '加查县',
    nameEn: 'Jiacha County',
    nameBo: 'རྒྱ་ཚ་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Gyaca
  {
    code: '540529',
    nameZh: '隆子县',
    nameEn: 'Longzi County',
    nameBo: 'ལྷུན་རྩེ་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Lhünzê
  {
    code: '540531',
    nameZh: '浪卡子县',
    nameEn: 'Langkazi County',
    nameBo: 'སྣ་དཀར་རྩེ་རྫོང',
    level: 'county',
    parentCode: '540500',
  }, // Nagarzê
  {
    code: '540581',
    nameZh: '错那市',
    nameEn: 'Cuona City',
    nameBo: 'མཚོ་སྣ་གྲོང་ཁྱེར',
    level: 'county',
    parentCode: '540500',
  }, // Cona; was 错那县 540530 until 2023

  // 那曲市 Nagqu — 11
  { code: '540600', nameZh: '那曲市', nameEn: 'Nagqu', nameBo: 'ནག་ཆུ', level: 'prefecture', parentCode: '540000' },
  { code: '540602', nameZh: '色尼区', nameEn: 'Seni District', level: 'county', parentCode: '540600', seat: true },
  { code: '540621', nameZh: '嘉黎县', nameEn: 'Jiali County', nameBo: 'ལྷ་རི་རྫོང', level: 'county', parentCode: '540600' }, // Lhari
  { code: '540622', nameZh: '比如县', nameEn: 'Biru County', nameBo: 'འབྲི་རུ་རྫོང', level: 'county', parentCode: '540600' }, // Biru
  {
    code: '540623',
    nameZh: '聂荣县',
    nameEn: 'Nierong County',
    nameBo: 'གཉན་རོང་རྫོང',
    level: 'county',
    parentCode: '540600',
  }, // Nyainrong
  {
    code: '540624',
    nameZh: '安多县',
    nameEn: 'Anduo County',
    nameBo: 'ཨ་མདོ་རྫོང',
    level: 'county',
    parentCode: '540600',
  }, // Amdo
  {
    code: '540625',
    nameZh: '申扎县',
    nameEn: 'Shenzha County',
    nameBo: 'ཤན་རྩ་རྫོང',
    level: 'county',
    parentCode: '540600',
  }, // Xainza
  { code: '540626', nameZh: '索县', nameEn: 'Suo County', nameBo: 'སོག་རྫོང', level: 'county', parentCode: '540600' }, // Sog
  {
    code: '540627',
    nameZh: '班戈县',
    nameEn: 'Bange County',
    nameBo: 'དཔལ་མགོན་རྫོང',
    level: 'county',
    parentCode: '540600',
  }, // Baingoin
  {
    code: '540628',
    nameZh: '巴青县',
    nameEn: 'Baqing County',
    nameBo: 'སྦྲ་ཆེན་རྫོང',
    level: 'county',
    parentCode: '540600',
  }, // Baqên
  { code: '540629', nameZh: '尼玛县', nameEn: 'Nima County', nameBo: 'ཉི་མ་རྫོང', level: 'county', parentCode: '540600' }, // Nyima
  {
    code: '540630',
    nameZh: '双湖县',
    nameEn: 'Shuanghu County',
    nameBo: 'མཚོ་གཉིས་རྫོང',
    level: 'county',
    parentCode: '540600',
  },

  // 阿里地区 Ngari — 7
  { code: '542500', nameZh: '阿里地区', nameEn: 'Ngari', nameBo: 'མངའ་རིས', level: 'prefecture', parentCode: '540000' },
  {
    code: '542521',
    nameZh: '普兰县',
    nameEn: 'Pulan County',
    nameBo: 'སྤུ་ཧྲེང་རྫོང',
    level: 'county',
    parentCode: '542500',
  }, // Burang
  {
    code: '542522',
    nameZh: '札达县',
    nameEn: 'Zhada County',
    nameBo: 'རྩ་མདའ་རྫོང',
    level: 'county',
    parentCode: '542500',
  }, // Zanda
  {
    code: '542523',
    nameZh: '噶尔县',
    nameEn: "Ga'er County",
    nameBo: 'སྒར་རྫོང',
    level: 'county',
    parentCode: '542500',
    seat: true,
  }, // Gar
  { code: '542524', nameZh: '日土县', nameEn: 'Ritu County', nameBo: 'རུ་ཐོག་རྫོང', level: 'county', parentCode: '542500' }, // Rutog
  {
    code: '542525',
    nameZh: '革吉县',
    nameEn: 'Geji County',
    nameBo: 'དགེ་རྒྱས་རྫོང',
    level: 'county',
    parentCode: '542500',
  }, // Gê'gyai
  {
    code: '542526',
    nameZh: '改则县',
    nameEn: 'Gaize County',
    nameBo: 'སྒེར་རྩེ་རྫོང',
    level: 'county',
    parentCode: '542500',
  }, // Gêrzê
  {
    code: '542527',
    nameZh: '措勤县',
    nameEn: 'Cuoqin County',
    nameBo: 'མཚོ་ཆེན་རྫོང',
    level: 'county',
    parentCode: '542500',
  }, // Coqên
];
