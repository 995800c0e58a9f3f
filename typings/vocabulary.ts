/**
 * The vocabulary both sides share: every enum with its Chinese labels, the codes' shapes and the input bounds.
 * Zod-free and import-free on purpose: `scripts/build-mp-npm.ts` copies this file verbatim into
 * `miniprogram/typings/vocabulary.ts` (the mini-program cannot load anything outside miniprogram/ at run time), and
 * a unit test fails when the copy is stale. typings/domain.ts and typings/actions/* re-export from here; the zod
 * schemas are built from these lists and bounds.
 *
 * Only words and shapes live here. Thresholds, quotas and who may act where are the server's: the views carry
 * the numbers they lead to (PresenceView.quorumNeeded, ResolutionView.excellentLimit, MeView.manages).
 */

// ---------------------------------------------------------------------------------------------- organisation

export const UNIT_KINDS = [
  'school',
  'party_committee',
  'league_committee',
  'federation',
  'college',
  'party_branch',
  'league_branch',
  'association',
  'temp_party_branch',
  'temp_league_branch',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  school: '学校',
  party_committee: '党委',
  league_committee: '团委',
  federation: '社团联合会',
  college: '学院',
  party_branch: '党支部',
  league_branch: '团支部',
  association: '学生社团',
  temp_party_branch: '临时党支部',
  temp_league_branch: '临时团支部',
};

export const POLITICAL_STATUSES = [
  'masses',
  'league_member',
  'party_applicant',
  'activist',
  'development_candidate',
  'probationary_member',
  'full_member',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  masses: '群众',
  league_member: '共青团员',
  party_applicant: '入党申请人',
  activist: '入党积极分子',
  development_candidate: '发展对象',
  probationary_member: '预备党员',
  full_member: '正式党员',
};

export const ROLES = [
  'school_admin',
  'party_committee_admin',
  'league_committee_admin',
  'college_officer',
  'federation_officer',
  'branch_secretary',
  'branch_committee',
  'association_president',
  'advisor',
  'backbone',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  school_admin: '系统管理员',
  party_committee_admin: '党委管理员',
  league_committee_admin: '团委管理员',
  college_officer: '学院党团干部',
  federation_officer: '社联干部',
  branch_secretary: '支部书记',
  branch_committee: '支部委员',
  association_president: '社团负责人',
  advisor: '指导老师',
  backbone: '骨干',
};

/**
 * What a role may do. The grants per role live on the server (server/domain/org/permissions.ts);
 * the mini-program only sees which of these the current user holds somewhere (MeView.capabilities) and where
 * (MeView.manages).
 */
export const PERMISSIONS = [
  'binding.approve',
  'people.read',
  'position.assign',
  'audit.read',
  'notice.manage',
  'notice.handleObjection',
  'vote.manage',
  /** Run a unit's training programs: sessions, trainers, enrolment, attendance, exams, the report. */
  'training.manage',
  /** School-wide settings (the vote thresholds a school sets within the rules). */
  'rules.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Rule-set versions of 《中国共产党发展党员工作细则》 (A0): the 2014 text, and the reported May 2026 revision whose
 * primary text is not yet verified. Every case stores the version it was decided under.
 */
export const RULE_VERSIONS = ['2014', '2026.05'] as const;
export type RuleVersion = (typeof RULE_VERSIONS)[number];

/**
 * What a school without its own setting decides under: the 2014 细则, because the 2026.05 text is enabled as a
 * default only once checked against its primary text (A0).
 */
export const DEFAULT_RULE_VERSION: RuleVersion = '2014';

export const RULE_VERSION_LABELS: Record<RuleVersion, string> = {
  '2014': '细则（2014）',
  '2026.05': '细则（2026年5月修订，原文待核）',
};

// ---------------------------------------------------------------------------------------------- votes (票决)

/** Every kind of vote the system runs. Rules per kind and version: server/domain/votes/rules.ts. */
export const VOTE_KINDS = [
  'tuiyou',
  'activist_determination',
  'development_candidate_determination',
  'acceptance',
  'conversion',
  'extension',
  'cancellation',
  'party_evaluation',
  'league_evaluation',
  'party_branch_election',
  'league_branch_election',
  'backbone_election',
  'honor',
] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

export const VOTE_KIND_LABELS: Record<VoteKind, string> = {
  tuiyou: '推优入党',
  activist_determination: '确定入党积极分子',
  development_candidate_determination: '确定发展对象',
  acceptance: '接收预备党员',
  conversion: '预备党员转正',
  extension: '延长预备期',
  cancellation: '取消预备党员资格',
  party_evaluation: '民主评议党员',
  league_evaluation: '团员教育评议',
  party_branch_election: '党支部委员会选举',
  league_branch_election: '团支部委员会选举',
  backbone_election: '社团骨干选举',
  honor: '评优',
};

/** The order the 发起表决 picker offers the kinds in: the development steps first, then evaluations and elections. */
export const VOTE_KIND_PICKER_ORDER: readonly VoteKind[] = [
  'activist_determination',
  'development_candidate_determination',
  'acceptance',
  'conversion',
  'extension',
  'cancellation',
  'tuiyou',
  'party_evaluation',
  'league_evaluation',
  'party_branch_election',
  'league_branch_election',
  'backbone_election',
  'honor',
];

/**
 * What the 发起表决 form asks for each kind: candidates (evaluations take everyone on the roster), seats (elections
 * and 评优), a 推优 target. The shape of the votes.create input per kind; a unit test keeps it equal to the
 * server's rule sets, and the server checks candidates and seats again (TOO_FEW_CANDIDATES ...).
 */
export const VOTE_KIND_FORM: Record<VoteKind, { candidates: boolean; seats: boolean; tuiyou: boolean }> = {
  tuiyou: { candidates: true, seats: false, tuiyou: true },
  activist_determination: { candidates: true, seats: false, tuiyou: false },
  development_candidate_determination: { candidates: true, seats: false, tuiyou: false },
  acceptance: { candidates: true, seats: false, tuiyou: false },
  conversion: { candidates: true, seats: false, tuiyou: false },
  extension: { candidates: true, seats: false, tuiyou: false },
  cancellation: { candidates: true, seats: false, tuiyou: false },
  party_evaluation: { candidates: false, seats: false, tuiyou: false },
  league_evaluation: { candidates: false, seats: false, tuiyou: false },
  party_branch_election: { candidates: true, seats: true, tuiyou: false },
  league_branch_election: { candidates: true, seats: true, tuiyou: false },
  backbone_election: { candidates: true, seats: true, tuiyou: false },
  honor: { candidates: true, seats: true, tuiyou: false },
};

/** A position on one candidate. A candidate left unmarked counts as 弃权. */
export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export const CHOICE_LABELS: Record<Choice, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

/** Evaluation grades (民主评议 / 团员教育评议), best first: the order every tally and form shows them in. */
export const GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** What a voter may put against one candidate: a choice, or on an evaluation form a grade (or 弃权). */
export const MARK_VALUES = [...CHOICES, ...GRADES] as const;
export type MarkValue = (typeof MARK_VALUES)[number];

/** What a ballot button says for each value a form offers. */
export const MARK_LABELS: Record<MarkValue, string> = { ...CHOICE_LABELS, ...GRADE_LABELS };

/** The form of a ballot: a choice per candidate, or a grade per member (evaluations). */
export const BALLOT_FORMS = ['choices', 'grades'] as const;
export type BallotForm = (typeof BALLOT_FORMS)[number];

/** The groups that may be left out of 应到, with higher approval and the meeting's agreement (A15). */
export const EXCLUSION_REASONS = [
  'cannot_express_will',
  'abroad_private',
  'detained_or_sentenced',
  'bedridden',
  'away_should_transfer',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  cannot_express_will: '丧失行为能力，不能表达本人意志',
  abroad_private: '因私出国（境）6个月以上',
  detained_or_sentenced: '被依法羁押或正在服刑',
  bedridden: '长期卧床不起',
  away_should_transfer: '外出6个月以上，应转未转组织关系',
};

/** 推优 has two targets (B2): applicant → activist, activist → development candidate. */
export const TUIYOU_TARGETS = ['activist', 'development_candidate'] as const;
export type TuiyouTarget = (typeof TUIYOU_TARGETS)[number];

export const TUIYOU_TARGET_LABELS: Record<TuiyouTarget, string> = {
  activist: '推荐为入党积极分子',
  development_candidate: '推荐为发展对象',
};

export const VOTE_STATES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export const VOTE_STATE_LABELS: Record<VoteState, string> = {
  draft: '未开始',
  open: '进行中',
  closed: '已结束',
  cancelled: '已取消',
};

/** How a counted vote ended as a whole. */
export const VOTE_OUTCOMES = ['counted', 'void', 'inquorate'] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

export const VOTE_OUTCOME_LABELS: Record<VoteOutcome, string> = {
  counted: '表决有效',
  void: '收回票数多于发出票数，表决无效，须重新投票',
  inquorate: '到会有表决权的人数不足，不能进行表决',
};

/** How one candidate came out. */
export const CANDIDATE_OUTCOMES = ['passed', 'failed', 'elected', 'not_elected', 'runoff'] as const;
export type CandidateOutcome = (typeof CANDIDATE_OUTCOMES)[number];

export const CANDIDATE_OUTCOME_LABELS: Record<CandidateOutcome, string> = {
  passed: '通过',
  failed: '未通过',
  elected: '当选',
  not_elected: '未当选',
  runoff: '票数相等，须再次投票',
};

/** The receipt code shown once after casting: 8 symbols without 0/O/1/I. */
export const BALLOT_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;

/** Input bounds of the 票决 actions (characters after trimming, or a count). */
export const VOTE_TITLE_MIN = 2;
export const VOTE_TITLE_MAX = 60;
export const VOTE_REASON_MIN = 2;
export const VOTE_REASON_MAX = 300;
export const APPROVAL_REF_MIN = 2;
export const APPROVAL_REF_MAX = 100;
export const MINUTES_REF_MIN = 2;
export const MINUTES_REF_MAX = 100;
export const SEATS_MAX = 50;

// ---------------------------------------------------------------------------------------------- notices (公示)

/** The steps that may be publicised (E2, A7, B5, D4; S1 for 骨干选任). */
export const NOTICE_KINDS = [
  'activist',
  'development_candidate',
  'acceptance',
  'conversion',
  'tuiyou',
  'honor',
  'backbone',
  'other',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  activist: '入党积极分子确定',
  development_candidate: '发展对象确定',
  acceptance: '接收预备党员',
  conversion: '预备党员转正',
  tuiyou: '推优',
  honor: '评优与荣誉',
  backbone: '骨干选任',
  other: '其他公示',
};

/** How a publicity period is measured (E2/E3). */
export const WINDOW_UNITS = ['workday', 'calendar_day'] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

export const WINDOW_UNIT_LABELS: Record<WindowUnit, string> = {
  workday: '个工作日',
  calendar_day: '天',
};

/** Whether the start day counts as day 1 (E4). Lingyan's default is inclusive. */
export const WINDOW_COUNTINGS = ['inclusive', 'exclusive'] as const;
export type WindowCounting = (typeof WINDOW_COUNTINGS)[number];

export const WINDOW_COUNTING_LABELS: Record<WindowCounting, string> = {
  inclusive: '开始当日计入',
  exclusive: '自开始次日起算',
};

/** What a reader sees: the stored state plus the time (a published notice is scheduled, open or closed by the clock). */
export const NOTICE_STATES = ['draft', 'scheduled', 'open', 'closed', 'withdrawn'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  draft: '草稿',
  scheduled: '待公示',
  open: '公示中',
  closed: '已结束',
  withdrawn: '已撤回',
};

/** How a closed notice ended. */
export const NOTICE_OUTCOMES = ['no_objection', 'objections_handled', 'objections_pending'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

export const NOTICE_OUTCOME_LABELS: Record<NoticeOutcome, string> = {
  no_objection: '公示期间无异议',
  objections_handled: '异议已核实处理',
  objections_pending: '尚有异议待处理',
};

/** The finding on one objection after investigation. */
export const OBJECTION_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  upheld: '异议成立',
  dismissed: '异议不成立',
};

/** Upper bound on a window's length: no rule found asks for more than 7 days; 60 leaves room for local rules. */
export const MAX_WINDOW_LENGTH = 60;
export const OBJECTION_MAX_LENGTH = 500;

// ---------------------------------------------------------------------------------------------- trainings (培训)

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

// ---------------------------------------------------------------------------------------------- honors and the showcase (荣誉与风采展示)

/** Who or what receives an honor. */
export const RECIPIENT_KINDS = ['person', 'branch', 'association'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  person: '个人',
  branch: '支部',
  association: '社团',
};

/** The kinds of unit that award honors, each with its own list of titles. */
export const AWARDING_KINDS = ['federation', 'league_committee', 'party_committee', 'college'] as const;
export type AwardingKind = (typeof AWARDING_KINDS)[number];

/** An honor as it stands: valid, or revoked (the record stays; verification says when). */
export const HONOR_STATES = ['valid', 'revoked'] as const;
export type HonorState = (typeof HONOR_STATES)[number];

export const HONOR_STATE_LABELS: Record<HonorState, string> = {
  valid: '有效',
  revoked: '已撤销',
};

/** Where a showcase post stands in review. Federation officers' posts need none. */
export const POST_REVIEW_STATES = ['pending', 'approved', 'refused'] as const;
export type PostReviewState = (typeof POST_REVIEW_STATES)[number];

export const POST_REVIEW_STATE_LABELS: Record<PostReviewState, string> = {
  pending: '待社联审核',
  approved: '已通过',
  refused: '未通过',
};

/**
 * One image's media check: pending until WeChat answers; only a passed image is shown. `failed`: WeChat never
 * answered, not even to the resubmissions, so the image is given up (never shown) and the post does not wait forever.
 */
export const MEDIA_STATES = ['pending', 'pass', 'rejected', 'failed'] as const;
export type MediaState = (typeof MEDIA_STATES)[number];

export const MEDIA_STATE_LABELS: Record<MediaState, string> = {
  pending: '图片审核中',
  pass: '已通过',
  rejected: '未通过审核',
  failed: '检测未完成',
};

/** Image formats a post accepts (what the media check reads). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Limits of a showcase post. */
export const POST_LIMITS = {
  titleMax: 40,
  textMax: 2000,
  images: 9,
  /** Bytes per image: WeChat's media check reads images up to 10 MB; a post keeps them to 5 MB. */
  imageBytes: 5 * 1024 * 1024,
  tags: 5,
  tagMax: 10,
  /**
   * How long the links to a post's images stay valid, in seconds. The bucket lets a phone read only what it
   * uploaded itself, so the views carry temporary links, not fileIDs; a page open longer reloads.
   */
  imageLinkSeconds: 2 * 60 * 60,
} as const;

/** Limits of an honor. */
export const HONOR_LIMITS = {
  titleMax: 30,
  termMax: 20,
  citationMax: 300,
  reasonMax: 200,
} as const;

/** What waits for a signed-in person on the home tab. */
export const FEED_ITEM_KINDS = ['open_votes', 'open_notices', 'posts_to_review'] as const;
export type FeedItemKind = (typeof FEED_ITEM_KINDS)[number];

export const FEED_ITEM_LABELS: Record<FeedItemKind, string> = {
  open_votes: '待参加的表决',
  open_notices: '公示中的公示',
  posts_to_review: '待审核的风采展示',
};

/** Where the mini-program lists each kind of waiting item. */
export const FEED_ITEM_PATHS: Record<FeedItemKind, string> = {
  open_votes: '/packages/votes/mine/index',
  open_notices: '/pages/notices/index',
  posts_to_review: '/packages/honors/review/index',
};

// ---------------------------------------------------------------------------------------------- activist files (积极分子档案)

/** The parts of an activist's file that the semester grade weighs (S4). */
export const GRADE_COMPONENTS = ['attendance', 'reports', 'exams', 'contributions'] as const;
export type GradeComponent = (typeof GRADE_COMPONENTS)[number];

export const GRADE_COMPONENT_LABELS: Record<GradeComponent, string> = {
  attendance: '活动与培训出勤',
  reports: '思想汇报（数量与质量）',
  exams: '考试成绩',
  contributions: '突出贡献',
};

/** The semester grade of an activist. */
export const ACTIVIST_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type ActivistGrade = (typeof ACTIVIST_GRADES)[number];

export const ACTIVIST_GRADE_LABELS: Record<ActivistGrade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** The quality mark a contact gives an ideological report. */
export const REPORT_MARKS = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReportMark = (typeof REPORT_MARKS)[number];

export const REPORT_MARK_LABELS: Record<ReportMark, string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

/** Limits of what people type into an activist file. */
export const ACTIVIST_LIMITS = {
  reportTitleMax: 40,
  reportTextMin: 50,
  reportTextMax: 5000,
  commentMax: 300,
  reasonMax: 300,
  noteMax: 500,
  contributionTitleMax: 40,
  contributionTextMax: 500,
  evidenceFiles: 9,
  /** Freshmen rows one import takes. */
  freshmenRows: 2000,
} as const;

/** The columns of the freshmen workbook's one sheet (新生名单), in order; 学号 and 姓名 are required. */
export const FRESHMEN_SHEET = '新生名单';
export const FRESHMEN_COLUMNS = [
  '学号',
  '姓名',
  '性别',
  '班级',
  '入学年份',
  '政治面貌',
  '生源地',
  '高中任职',
  '备注',
] as const;
// ---------------------------------------------------------------------------------------------- development pipeline (发展党员)

/** The stages of a development case (A24), and its two outcomes besides full membership (A20). */
export const PIPELINE_STAGES = [
  'applicant',
  'activist',
  'development_candidate',
  'probationary_member',
  'full_member',
  'cancelled',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const PIPELINE_STAGE_LABELS: Record<PipelineStage, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  development_candidate: '发展对象',
  probationary_member: '预备党员',
  full_member: '正式党员',
  cancelled: '已取消预备党员资格',
};

/** The steps an officer takes on a case; each moves it on (or records a decision) after its gates pass. */
export const PIPELINE_STEPS = [
  'determine_activist',
  'determine_candidate',
  'pre_examine',
  'branch_accept',
  'approve_acceptance',
  'extend_probation',
  'branch_convert',
  'approve_conversion',
  'cancel',
  'approve_extension',
  'approve_cancellation',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

export const PIPELINE_STEP_LABELS: Record<PipelineStep, string> = {
  determine_activist: '确定为入党积极分子',
  determine_candidate: '确定为发展对象',
  pre_examine: '党委预审',
  branch_accept: '支部大会讨论接收',
  approve_acceptance: '党委审批接收预备党员',
  extend_probation: '延长预备期',
  branch_convert: '支部大会讨论转正',
  approve_conversion: '党委审批转正',
  cancel: '取消预备党员资格',
  approve_extension: '党委审批延长预备期',
  approve_cancellation: '党委审批取消预备党员资格',
};

/** The items a case may be waiting for besides a step: the talks and records with deadlines. */
export const PIPELINE_TODO_KINDS = [
  ...PIPELINE_STEPS,
  'application_talk',
  'assessment',
  'oath',
  'filing_activist',
  'filing_candidate',
] as const;
export type PipelineTodoKind = (typeof PIPELINE_TODO_KINDS)[number];

export const PIPELINE_TODO_LABELS: Record<PipelineTodoKind, string> = {
  ...PIPELINE_STEP_LABELS,
  application_talk: '递交申请后一个月内谈话',
  assessment: '半年一次考察',
  oath: '入党宣誓',
  filing_activist: '确认确定入党积极分子的备案',
  filing_candidate: '确认确定发展对象的备案',
};

/** The branch decisions a higher committee acknowledges the filing of (A4; A7 under 2014). */
export const FILING_DECISION_LABELS = {
  activist: '确定入党积极分子',
  candidate: '确定发展对象',
} as const;

/** The four required talks (四必谈) and the regular talks of 定期谈话. */
export const TALK_KINDS = [
  'application',
  'before_candidate',
  'before_approval',
  'before_conversion',
  'regular',
] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

export const TALK_KIND_LABELS: Record<TalkKind, string> = {
  application: '递交申请后谈话',
  before_candidate: '确定发展对象前谈话',
  before_approval: '审批前谈话',
  before_conversion: '转正前谈话',
  regular: '定期谈话',
};

/** How an applicant came to be proposed as an activist (A4). */
export const RECOMMENDATION_SOURCES = ['members', 'tuiyou'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

export const RECOMMENDATION_SOURCE_LABELS: Record<RecommendationSource, string> = {
  members: '党员推荐',
  tuiyou: '团组织推优',
};

/** The kinds of record on a case. */
export const PIPELINE_RECORD_KINDS = [
  'application',
  'step',
  'talk',
  'contacts',
  'introducers',
  'assessment',
  'activity',
  'recommendation',
  'political_review',
  'override',
  'pre_exam',
  'carried_over',
  'oath',
  'filing',
] as const;
export type PipelineRecordKind = (typeof PIPELINE_RECORD_KINDS)[number];

export const PIPELINE_RECORD_LABELS: Record<PipelineRecordKind, string> = {
  application: '入党申请',
  step: '程序步骤',
  talk: '谈话',
  contacts: '确定培养联系人',
  introducers: '确定入党介绍人',
  assessment: '考察',
  activity: '活动表现',
  recommendation: '推荐',
  political_review: '政治审查',
  override: '特殊情况处理',
  pre_exam: '预审',
  carried_over: '原有发展材料转入',
  oath: '入党宣誓',
  filing: '报上级党委备案',
};

/** The three evaluations of an assessment (S6): teacher and student representatives, the unit, the person. */
export const EVALUATION_KINDS = ['representatives', 'democratic', 'self'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  representatives: '师生代表评议',
  democratic: '所在单位民主评议',
  self: '个人自评',
};

/** The result of one evaluation, as the 考察表 words it. */
export const EVALUATION_RESULTS = ['good', 'fair', 'average', 'poor'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

export const EVALUATION_RESULT_LABELS: Record<EvaluationResult, string> = {
  good: '好',
  fair: '较好',
  average: '一般',
  poor: '较差',
};

/** The two levels of pre-examination (S7): the college's party committee, then the school's. */
export const PRE_EXAM_LEVELS = ['college', 'school'] as const;
export type PreExamLevel = (typeof PRE_EXAM_LEVELS)[number];

export const PRE_EXAM_LEVEL_LABELS: Record<PreExamLevel, string> = {
  college: '学院党委（党总支）预审',
  school: '学校党委组织部预审',
};

export const PRE_EXAM_CONCLUSIONS = ['passed', 'returned'] as const;
export type PreExamConclusion = (typeof PRE_EXAM_CONCLUSIONS)[number];

export const PRE_EXAM_CONCLUSION_LABELS: Record<PreExamConclusion, string> = {
  passed: '预审通过',
  returned: '退回补充',
};

/** The paper forms of the dossier (A23), generated from its records as .docx. */
export const DOSSIER_FORMS = ['tuiyou', 'assessment', 'resolution', 'publicity', 'talks'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

export const DOSSIER_FORM_LABELS: Record<DossierForm, string> = {
  tuiyou: '推优表',
  assessment: '考察表',
  resolution: '支部大会决议',
  publicity: '公示材料',
  talks: '谈话记录',
};

/** Input bounds of the pipeline actions (characters after trimming, or a count). */
export const PIPELINE_LIMITS = {
  textMax: 2000,
  refMax: 100,
  reasonMin: 4,
  reasonMax: 300,
  attachmentsMax: 9,
  /** One attachment's size in bytes (a scanned resolution or form; S3). */
  attachmentBytes: 20 * 1024 * 1024,
  /** The step form's pickers: the most recent votes and 公示 offered for one step (pipeline.stepOptions). */
  evidenceMax: 10,
} as const;

/**
 * S3: the evidence of a development case lives in its own folder of cloud storage; the mini-program uploads there and
 * the server refuses a file from anywhere else.
 */
export const pipelineAttachmentFolder = (caseId: string): string => `pipeline/${caseId}/`;

/** S3: the file kinds a record's attachment may be (checked by the server on the stored bytes). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'] as const;

/** The id of a person's development case (one per person): a temporary branch addresses it by the person. */
export const caseIdOfPerson = (personId: string): string => `pc_${personId}`;

/**
 * The file name an attachment is shown by: the last part of its fileID, without the upload's time-and-random prefix
 * the mini-program puts before the name the person chose.
 */
export const attachmentName = (fileID: string): string =>
  fileID.slice(fileID.lastIndexOf('/') + 1).replace(/^\d{10,}-[a-z0-9]{1,8}-/, '');
