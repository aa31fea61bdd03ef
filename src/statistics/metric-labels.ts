// Names for people of the metrics whose modules give none (Metric.labels wins when set), and whether
// they have per-center rows: the coverage and graduate figures are regional (rows with centerKey '' only).
import type { Lang } from '../../models/enums.ts';

export const METRIC_LABELS: Record<string, { labels: Record<Lang, string>; perCenter: boolean }> = {
  'coverage.founders': {
    labels: { zh: '登记的创始人', en: 'Registered founders', bo: 'ཐོ་འགོད་བྱས་པའི་འགོ་འཛུགས་པ།' },
    perCenter: false,
  },
  'coverage.foundersInCenters': {
    labels: { zh: '入驻中心的创始人', en: 'Founders in centers', bo: 'ལྟེ་གནས་ནང་གི་འགོ་འཛུགས་པ།' },
    perCenter: false,
  },
  'coverage.operatingCenters': {
    labels: { zh: '运营中的中心（覆盖）', en: 'Operating centers (coverage)', bo: 'འཁོར་སྐྱོད་བྱེད་བཞིན་པའི་ལྟེ་གནས། (ཁྱབ་ཁོངས།)' },
    perCenter: false,
  },
  'graduates.graduates': {
    labels: { zh: '毕业生创始人', en: 'Graduate founders', bo: 'སློབ་མཐར་ཕྱིན་པའི་འགོ་འཛུགས་པ།' },
    perCenter: false,
  },
  'graduates.leftSchoolUnemployed': {
    labels: {
      zh: '离校未就业的毕业生',
      en: 'Graduates who left school without a job',
      bo: 'སློབ་གྲྭ་ནས་ཐོན་རྗེས་ལས་ཀ་མེད་པའི་སློབ་མཐར་ཕྱིན་པ།',
    },
    perCenter: false,
  },
  'graduates.inCenters': {
    labels: { zh: '入驻中心的毕业生', en: 'Graduates in centers', bo: 'ལྟེ་གནས་ནང་གི་སློབ་མཐར་ཕྱིན་པ།' },
    perCenter: false,
  },
  'graduates.introduced': {
    labels: { zh: '已获引荐的毕业生', en: 'Graduates with an accepted introduction', bo: 'ངོ་སྤྲོད་ཐོབ་པའི་སློབ་མཐར་ཕྱིན་པ།' },
    perCenter: false,
  },
  'graduates.enrolled': {
    labels: { zh: '参加培训的毕业生', en: 'Graduates in training', bo: 'སྦྱོང་བརྡར་ལ་ཞུགས་པའི་སློབ་མཐར་ཕྱིན་པ།' },
    perCenter: false,
  },
};
