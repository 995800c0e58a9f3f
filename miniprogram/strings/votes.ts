/**
 * 票决 labels and small facts the mini-program needs at run time. Copies of the contract's (typings/actions/votes.ts
 * and typings/domain.ts cannot be loaded at run time: they lie outside miniprogramRoot);
 * tests/component/votes-labels.test.ts keeps every one equal to its original. Views already carry their own labels
 * (kindLabel, stateLabel, outcomeLabel): these are for what the mini-program shows before or besides the server
 * (pickers, ballot buttons, the exclusion form, the quorum indicator).
 */
import type {
  Choice,
  ExclusionReason,
  Grade,
  MarkValue,
  Ratio,
  TuiyouTarget,
  VoteKind,
  VoteState,
} from '../../typings/actions/votes';
import type { Role, RuleVersion } from '../../typings/domain';

/** In the order the 发起表决 picker offers them. */
export const VOTE_KIND_ORDER: readonly VoteKind[] = [
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

export const VOTE_STATE_LABELS: Record<VoteState, string> = {
  draft: '未开始',
  open: '进行中',
  closed: '已结束',
  cancelled: '已取消',
};

export const CHOICE_LABELS: Record<Choice, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** What a ballot button says for each value a form offers. */
export const MARK_LABELS: Record<MarkValue, string> = { ...CHOICE_LABELS, ...GRADE_LABELS };

export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'cannot_express_will',
  'abroad_private',
  'detained_or_sentenced',
  'bedridden',
  'away_should_transfer',
];

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  cannot_express_will: '丧失行为能力，不能表达本人意志',
  abroad_private: '因私出国（境）6个月以上',
  detained_or_sentenced: '被依法羁押或正在服刑',
  bedridden: '长期卧床不起',
  away_should_transfer: '外出6个月以上，应转未转组织关系',
};

export const TUIYOU_TARGETS: readonly TuiyouTarget[] = ['activist', 'development_candidate'];

export const TUIYOU_TARGET_LABELS: Record<TuiyouTarget, string> = {
  activist: '推荐为入党积极分子',
  development_candidate: '推荐为发展对象',
};

export const RULE_VERSIONS: readonly RuleVersion[] = ['2014', '2026.05'];

export const RULE_VERSION_LABELS: Record<RuleVersion, string> = {
  '2014': '细则（2014）',
  '2026.05': '细则（2026年5月修订，原文待核）',
};

/**
 * What the 发起表决 form asks for each kind: candidates (evaluations take everyone on the roster), seats (elections
 * and 评优), a 推优 target. A form hint only: the server checks candidates and seats again (TOO_FEW_CANDIDATES ...).
 */
export const KIND_FORM: Record<VoteKind, { candidates: boolean; seats: boolean; tuiyou: boolean }> = {
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

/**
 * The national default quorum of each kind (server/domain/votes/rules.ts; A13, C4, election rules), for the
 * presence page's indicator. A school may tighten it on the server; the page shows the server's own requirement
 * text beside the indicator, and the close is counted on the server whatever the indicator said.
 */
export const DEFAULT_QUORUM: Record<VoteKind, Ratio> = {
  tuiyou: { num: 1, den: 2 },
  activist_determination: { num: 1, den: 2 },
  development_candidate_determination: { num: 1, den: 2 },
  acceptance: { num: 1, den: 2 },
  conversion: { num: 1, den: 2 },
  extension: { num: 1, den: 2 },
  cancellation: { num: 1, den: 2 },
  party_evaluation: { num: 1, den: 2 },
  league_evaluation: { num: 2, den: 3 },
  party_branch_election: { num: 4, den: 5 },
  league_branch_election: { num: 4, den: 5 },
  backbone_election: { num: 1, den: 2 },
  honor: { num: 1, den: 2 },
};

/** The ballot code's shape (typings BallotCode): 8 symbols without 0/O/1/I. */
export const BALLOT_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/;
/** The check-in code's shape (typings CheckInCode). */
export const CHECK_IN_CODE_PATTERN = /^\d{6}$/;

/** The contract's bounds (typings/actions/votes.ts), checked by the same test. */
export const TITLE_MIN = 2;
export const TITLE_MAX = 60;
export const REASON_MIN = 2;
export const REASON_MAX = 300;
export const APPROVAL_REF_MIN = 2;
export const APPROVAL_REF_MAX = 100;
export const MINUTES_REF_MIN = 2;
export const MINUTES_REF_MAX = 100;
export const SEATS_MAX = 50;

/** Told to every voter on the success screen and the 核对票码 page. */
export const BALLOT_CODE_EXPLANATION = '凭票码可在结果公布后核对您的选票已被计入，票码不显示您的选择';

/**
 * Roles that grant `vote.manage` (server/domain/org/permissions.ts, ROLE_PERMISSIONS), mirrored because the pages
 * must know *where* (MeView.capabilities only says whether); tests/component/votes-labels.test.ts keeps the two in
 * step. A hint only: the server checks the unit on every call.
 */
export const VOTE_MANAGER_ROLES: readonly Role[] = [
  'school_admin',
  'party_committee_admin',
  'league_committee_admin',
  'college_officer',
  'branch_secretary',
];

/** Told on the 书面意见 page (A14 / F3): when it counts, how it counts, and that it is final. */
export const WRITTEN_OPINION_EXPLANATION =
  '无法到会时，可在会议开始前对每位候选人提交书面意见（赞成、反对或弃权），单独计入表决结果；会议开始后提交无效；提交后不可更改';
