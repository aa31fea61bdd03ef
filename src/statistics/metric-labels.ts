// Names for people of the metrics whose modules give none (Metric.labels wins when set), and whether
// they have per-center rows: the coverage, graduate and training-seat figures are regional (centerKey '' only).
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
  'funnel.projectsSubmitted': {
    labels: { zh: '提交的项目', en: 'Projects submitted', bo: 'ཕུལ་བའི་ལས་གཞི།' },
    perCenter: true,
  },
  'funnel.projectsReviewed': {
    labels: { zh: '审核的项目', en: 'Projects reviewed', bo: 'ཞིབ་དཔྱད་བྱས་པའི་ལས་གཞི།' },
    perCenter: true,
  },
  'funnel.projectsAdmitted': {
    labels: { zh: '入驻的项目', en: 'Projects admitted', bo: 'ཞུགས་ཆོག་པའི་ལས་གཞི།' },
    perCenter: true,
  },
  'funnel.projectsGraduated': {
    labels: { zh: '毕业的项目', en: 'Projects graduated', bo: 'མཐར་ཕྱིན་པའི་ལས་གཞི།' },
    perCenter: true,
  },
  'funnel.mentorRequested': {
    labels: { zh: '申请的导师对接', en: 'Mentor introductions requested', bo: 'ཁྲིད་སྟོན་པའི་འབྲེལ་མཐུད་རེ་ཞུ།' },
    perCenter: true,
  },
  'funnel.mentorAccepted': {
    labels: { zh: '接受的导师对接', en: 'Mentor introductions accepted', bo: 'ཁྲིད་སྟོན་པའི་འབྲེལ་མཐུད་དང་ལེན་བྱས་པ།' },
    perCenter: true,
  },
  'funnel.mentorEnded': {
    labels: { zh: '结束的导师对接', en: 'Mentor introductions ended', bo: 'ཁྲིད་སྟོན་པའི་འབྲེལ་མཐུད་མཇུག་རྫོགས་པ།' },
    perCenter: true,
  },
  'funnel.investorRequested': {
    labels: { zh: '申请的投资方对接', en: 'Investor introductions requested', bo: 'མ་འཇོག་པའི་འབྲེལ་མཐུད་རེ་ཞུ།' },
    perCenter: true,
  },
  'funnel.investorAccepted': {
    labels: { zh: '接受的投资方对接', en: 'Investor introductions accepted', bo: 'མ་འཇོག་པའི་འབྲེལ་མཐུད་དང་ལེན་བྱས་པ།' },
    perCenter: true,
  },
  'funnel.investorEnded': {
    labels: { zh: '结束的投资方对接', en: 'Investor introductions ended', bo: 'མ་འཇོག་པའི་འབྲེལ་མཐུད་མཇུག་རྫོགས་པ།' },
    perCenter: true,
  },
  'funnel.seatsOffered': {
    labels: { zh: '开课培训名额', en: 'Training seats offered', bo: 'སྦྱོང་བརྡར་གྱི་གྲངས་ཚད་བཀོད་པ།' },
    perCenter: false,
  },
  'funnel.seatsFilled': {
    labels: { zh: '已报名培训名额', en: 'Training seats filled', bo: 'སྦྱོང་བརྡར་གྱི་གྲངས་ཚད་ཁེངས་པ།' },
    perCenter: false,
  },
  'scorecard.coachingActivities': {
    labels: { zh: '辅导活动', en: 'Coaching activities', bo: 'ཁྲིད་སྟོན་བྱ་འགུལ།' },
    perCenter: true,
  },
  'scorecard.jobsCreated': {
    labels: { zh: '带动就业', en: 'Jobs created', bo: 'ལས་ཀ་གསར་སྐྲུན།' },
    perCenter: true,
  },
};
