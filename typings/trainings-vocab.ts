/**
 * The trainings vocabulary: the values the server stores and the Chinese labels the mini-program shows. Zod-free and
 * rule-free (no thresholds here: the views carry the numbers), so the mini-program's vocabulary copy can include it.
 */

/** The five-level training network, plus backbone training for the associations' temporary branches and 团课. */
export const TRAINING_LEVELS = [
  'activist',
  'development_candidate',
  'probationary_member',
  'party_member',
  'secretary_rotation',
  'backbone',
  'league_class',
] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

export const TRAINING_LEVEL_LABELS: Record<TrainingLevel, string> = {
  activist: '入党积极分子培训',
  development_candidate: '发展对象培训',
  probationary_member: '预备党员培训',
  party_member: '党员教育培训',
  secretary_rotation: '支部书记轮训',
  backbone: '社团临时党团支部骨干培训',
  league_class: '团课（入团积极分子）',
};

/** The training project system's categories. */
export const TRAINING_CATEGORIES = [
  'ideology',
  'political',
  'culture_sports',
  'volunteering',
  'innovation',
  'practice',
  'skills',
] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

export const TRAINING_CATEGORY_LABELS: Record<TrainingCategory, string> = {
  ideology: '思想素质',
  political: '政治觉悟',
  culture_sports: '文体',
  volunteering: '志愿公益',
  innovation: '创新创业',
  practice: '实践实训',
  skills: '技能',
};

export const ADMISSION_MODES = ['open', 'invite', 'review'] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];
export const ADMISSION_MODE_LABELS: Record<AdmissionMode, string> = {
  open: '自由报名',
  invite: '指定名单',
  review: '报名审核',
};

/** Where a session's class hours come from: the session's own figure, or the time between check-in and check-out. */
export const HOURS_MODES = ['session', 'measured'] as const;
export type HoursMode = (typeof HOURS_MODES)[number];
export const HOURS_MODE_LABELS: Record<HoursMode, string> = {
  session: '按课时计',
  measured: '按签到签退时长计',
};

export const TRAINER_KINDS = ['full_time', 'part_time', 'outside'] as const;
export type TrainerKind = (typeof TRAINER_KINDS)[number];
export const TRAINER_KIND_LABELS: Record<TrainerKind, string> = {
  full_time: '专职讲师',
  part_time: '兼职讲师',
  outside: '外聘讲师',
};

export const ENROLMENT_STATES = ['enrolled', 'waitlisted', 'pending', 'rejected', 'withdrawn'] as const;
export type EnrolmentState = (typeof ENROLMENT_STATES)[number];
export const ENROLMENT_STATE_LABELS: Record<EnrolmentState, string> = {
  enrolled: '已报名',
  waitlisted: '候补中',
  pending: '待审核',
  rejected: '未通过审核',
  withdrawn: '已退出',
};

export const ATTENDANCE_STATES = ['present', 'leave', 'absent', 'expected'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export const ATTENDANCE_STATE_LABELS: Record<AttendanceState, string> = {
  present: '已签到',
  leave: '已请假',
  absent: '缺勤',
  expected: '未签到',
};

export const LEAVE_STATES = ['pending', 'approved', 'rejected'] as const;
export type LeaveState = (typeof LEAVE_STATES)[number];
export const LEAVE_STATE_LABELS: Record<LeaveState, string> = {
  pending: '待批准',
  approved: '已批准',
  rejected: '未批准',
};

export const QUESTION_KINDS = ['single', 'multiple', 'truefalse'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选题',
  multiple: '多选题',
  truefalse: '判断题',
};

export const CHECKIN_PURPOSES = ['in', 'out'] as const;
export type CheckinPurpose = (typeof CHECKIN_PURPOSES)[number];
export const CHECKIN_PURPOSE_LABELS: Record<CheckinPurpose, string> = { in: '签到', out: '签退' };

export const RATING_DIMENSIONS = ['content', 'delivery', 'usefulness'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = {
  content: '内容',
  delivery: '讲授',
  usefulness: '收获',
};

/** The hours requirements the ledger checks (their figures and sources come with the ledger view). */
export const HOURS_REQUIREMENT_IDS = ['candidate_training', 'league_class', 'member_yearly', 'officer_yearly'] as const;
export type HoursRequirementId = (typeof HOURS_REQUIREMENT_IDS)[number];
export const HOURS_REQUIREMENT_LABELS: Record<HoursRequirementId, string> = {
  candidate_training: '发展对象集中培训',
  league_class: '入团积极分子团课',
  member_yearly: '党员年度学习培训',
  officer_yearly: '党组织书记和班子成员年度培训',
};
