/**
 * Demo 票决 for previews and component tests: 体育学院学生党支部 votes on accepting 冯晨 and 彭悦 as probationary
 * members (11 full members 应到), a 推优 in a League branch, a conversion not yet open, a democratic evaluation and a
 * League branch election. Shaped by the contract (typings/actions/votes.ts). "Today" is Monday 2026-11-23; the
 * acceptance meeting is Thursday 2026-11-26 at 14:30.
 */

import { shareChoices } from '../../../server/actions/votes/settings';
import { ROLE_PERMISSIONS } from '../../../server/domain/org/permissions';
import { maxExcellent, quorumNeededFor, ruleSetFor } from '../../../server/domain/votes';
import type { MeView, Page, PersonView, PositionView } from '../../../typings/actions';
import {
  CANDIDATE_OUTCOME_LABELS,
  type CandidateOutcome,
  type CandidateView,
  CHOICES,
  type DecisionView,
  GRADE_LABELS,
  GRADES,
  type PresenceView,
  type ResolutionLineView,
  type ResolutionView,
  type RuleSettingsView,
  type RuleSettingView,
  VOTE_KIND_LABELS,
  VOTE_OUTCOME_LABELS,
  VOTE_STATE_LABELS,
  type VoteCardView,
  type VoteKind,
  type VoteOutcome,
  type VoteState,
  type VoteView,
} from '../../../typings/actions/votes';
import {
  PERMISSIONS,
  POLITICAL_STATUS_LABELS,
  type PoliticalStatus,
  ROLE_LABELS,
  type Role,
  RULE_VERSION_LABELS,
} from '../../../typings/domain';
import { managesFor, UNITS } from './org';

const unitName = (id: string) => UNITS.find((u) => u.id === id)?.name ?? id;

export const PE_BRANCH = 'pb-pe-1';
export const LEAGUE_BRANCH = 'lb-info-2301';

// ---------------------------------------------------------------------------------------------- people

type Row = [id: string, name: string, studentNo: string, status: PoliticalStatus];

/** 体育学院学生党支部: 11 full members (the 应到 of a party vote), one probationary member, two candidates, an activist. */
const PE_ROWS: Row[] = [
  ['p-hanx', '韩雪', '2022080101', 'full_member'],
  ['p-caol', '曹磊', '2022080112', 'full_member'],
  ['p-dengjq', '邓佳琪', '2022080118', 'full_member'],
  ['p-xuwb', '许文博', '2022080125', 'full_member'],
  ['p-jiangst', '蒋思彤', '2022080203', 'full_member'],
  ['p-shenhy', '沈浩宇', '2022080211', 'full_member'],
  ['p-weijy', '韦嘉怡', '2023080104', 'full_member'],
  ['p-luoyf', '罗一凡', '2023080117', 'full_member'],
  ['p-tangyx', '唐雨萱', '2023080122', 'full_member'],
  ['p-max', '马骁', '2023080209', 'full_member'],
  ['p-shixr', '石欣然', '2023080214', 'full_member'],
  ['p-liyt', '李雨桐', '2022080134', 'probationary_member'],
  ['p-fengc', '冯晨', '2023080131', 'development_candidate'],
  ['p-pengy', '彭悦', '2023080226', 'development_candidate'],
  ['p-wanghr', '王浩然', '2023080207', 'activist'],
];

function person([id, name, studentNo, status]: Row): PersonView {
  return { id, name, studentNo, status, statusLabel: POLITICAL_STATUS_LABELS[status], bound: true, positions: [] };
}

export const PE_MEMBERS: PersonView[] = PE_ROWS.map(person);
const byName = (name: string) => {
  const p = PE_MEMBERS.find((m) => m.name === name);
  if (!p) throw new Error(`demo member ${name}`);
  return p;
};
const cand = (name: string): CandidateView => ({ id: byName(name).id, name });

export const FENG_CHEN = cand('冯晨');
export const PENG_YUE = cand('彭悦');

export function membersPage(items = PE_MEMBERS, hasMore = false): Page<PersonView> {
  return { items, page: 1, pageSize: 50, hasMore };
}

function position(id: string, role: Role, unitId: string, start: string): PositionView {
  return { id, role, roleLabel: ROLE_LABELS[role], unitId, unitName: unitName(unitId), start, end: null };
}

function me(id: string, positions: PositionView[]): MeView {
  const p = byName(PE_MEMBERS.find((m) => m.id === id)?.name ?? '');
  return {
    bound: true,
    person: {
      id: p.id,
      name: p.name,
      studentNo: p.studentNo ?? '',
      collegeId: 'college-pe',
      collegeName: '体育学院',
      status: p.status ?? 'masses',
      statusLabel: p.statusLabel,
    },
    binding: { id: `b-${p.id}`, state: 'approved', submittedAt: '2025-09-10T09:12:00.000+08:00', reason: null },
    positions,
    units: [],
    capabilities: PERMISSIONS.filter((perm) => positions.some((pos) => ROLE_PERMISSIONS[pos.role].includes(perm))),
    manages: managesFor(positions),
  };
}

/** 韩雪, secretary of 体育学院学生党支部: runs the acceptance vote. */
export const ME_PE_SECRETARY = me('p-hanx', [position('pos-hanx', 'branch_secretary', PE_BRANCH, '2025-06-20')]);
/** 曹磊, a full member of the branch: a voter. */
export const ME_PE_VOTER = me('p-caol', []);

// ---------------------------------------------------------------------------------------------- votes

const REQUIREMENTS_ACCEPTANCE = [
  '到会有表决权的人数须超过应到人数的半数',
  '赞成票须超过应到会有表决权人数的半数，为通过',
  '会前正式提交的书面意见计入；会议开始后提交的无效',
];

interface VoteSpec {
  id: string;
  kind: VoteKind;
  title: string;
  unitId: string;
  state: VoteState;
  scheduledStart: string;
}

function card(s: VoteSpec): VoteCardView {
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: VOTE_KIND_LABELS[s.kind],
    title: s.title,
    unitId: s.unitId,
    unitName: unitName(s.unitId),
    state: s.state,
    stateLabel: VOTE_STATE_LABELS[s.state],
    scheduledStart: s.scheduledStart,
    secret: true,
  };
}

export const ACCEPTANCE: VoteSpec = {
  id: 'v-accept-pe',
  kind: 'acceptance',
  title: '接收预备党员表决：冯晨、彭悦',
  unitId: PE_BRANCH,
  state: 'open',
  scheduledStart: '2026-11-26T14:30:00+08:00',
};
export const CONVERSION: VoteSpec = {
  id: 'v-conv-pe',
  kind: 'conversion',
  title: '预备党员转正表决：李雨桐',
  unitId: PE_BRANCH,
  state: 'draft',
  scheduledStart: '2026-12-10T15:00:00+08:00',
};
export const EVALUATION: VoteSpec = {
  id: 'v-eval-pe',
  kind: 'party_evaluation',
  title: '2026年度民主评议党员',
  unitId: PE_BRANCH,
  state: 'open',
  scheduledStart: '2026-11-26T16:00:00+08:00',
};
export const TUIYOU: VoteSpec = {
  id: 'v-tuiyou-2301',
  kind: 'tuiyou',
  title: '2026年秋季学期推优入党',
  unitId: LEAGUE_BRANCH,
  state: 'closed',
  scheduledStart: '2026-11-12T19:00:00+08:00',
};
export const ELECTION: VoteSpec = {
  id: 'v-elect-2301',
  kind: 'league_branch_election',
  title: '计算机科学与技术2301班团支部委员会换届选举',
  unitId: LEAGUE_BRANCH,
  state: 'open',
  scheduledStart: '2026-11-24T19:00:00+08:00',
};
const ACCEPTANCE_LAST_TERM: VoteSpec = {
  id: 'v-accept-pe-0',
  kind: 'acceptance',
  title: '接收预备党员表决：李雨桐',
  unitId: PE_BRANCH,
  state: 'closed',
  scheduledStart: '2025-11-27T14:30:00+08:00',
};

export const cardOf = (s: VoteSpec, state: VoteState = s.state) => card({ ...s, state });

export function cardsPage(items: VoteCardView[], hasMore = false): Page<VoteCardView> {
  return { items, page: 1, pageSize: 10, hasMore };
}

export const OPEN_CARDS = [cardOf(ELECTION), cardOf(ACCEPTANCE), cardOf(EVALUATION)];
export const DRAFT_CARDS = [cardOf(CONVERSION)];
export const CLOSED_CARDS = [cardOf(TUIYOU), cardOf(ACCEPTANCE_LAST_TERM)];
/** The branch's own list for its secretary, newest meeting first. */
export const BRANCH_CARDS = [cardOf(CONVERSION), cardOf(ACCEPTANCE), cardOf(EVALUATION), cardOf(ACCEPTANCE_LAST_TERM)];

type VoteOverrides = Partial<Omit<VoteView, 'me'>> & { me?: Partial<VoteView['me']> };

const NOBODY = { onRoster: false, checkedIn: false, voted: false, writtenOpinionSubmitted: false };

/** The acceptance vote as `votes.get` shows it, open, to a voter on the roster who has not checked in yet. */
export function acceptanceView(o: VoteOverrides = {}): VoteView {
  const state = o.state ?? 'open';
  const open = state !== 'draft';
  const { me: meOverrides, ...rest } = o;
  return {
    ...card({ ...ACCEPTANCE, state }),
    ruleVersion: '2014',
    ruleVersionLabel: RULE_VERSION_LABELS['2014'],
    ruleVerified: true,
    requirements: REQUIREMENTS_ACCEPTANCE,
    ballotForm: 'choices',
    markValues: [...CHOICES],
    candidates: [FENG_CHEN, PENG_YUE],
    seats: null,
    maxYes: null,
    tuiyouTarget: null,
    writtenOpinionsAllowed: true,
    openedAt: open ? '2026-11-26T14:36:00+08:00' : null,
    closedAt: state === 'closed' ? '2026-11-26T15:20:00+08:00' : null,
    expected: open ? 11 : null,
    present: open ? 8 : null,
    me: { ...NOBODY, onRoster: open, ...meOverrides },
    canManage: false,
    ...rest,
  };
}

/** The same vote seen by its secretary (who is also on the roster). */
export function acceptanceForSecretary(o: VoteOverrides = {}): VoteView {
  return acceptanceView({ canManage: true, ...o });
}

export function conversionView(o: VoteOverrides = {}): VoteView {
  return acceptanceView({
    ...card(CONVERSION),
    candidates: [{ id: 'p-liyt', name: '李雨桐' }],
    state: 'draft',
    openedAt: null,
    expected: null,
    present: null,
    canManage: true,
    ...o,
  });
}

const ELECTION_CANDIDATES: CandidateView[] = [
  { id: 'p-chenjy', name: '陈佳怡' },
  { id: 'p-zhangsy', name: '张思远' },
  { id: 'p-ouyang', name: '欧阳明轩' },
  { id: 'p-sunmy', name: '孙梦瑶' },
  { id: 'p-zhoujj', name: '周俊杰' },
];

/** A League branch election: 3 seats, 5 candidates; at most 3 赞成 on a ballot. */
export function electionView(o: VoteOverrides = {}): VoteView {
  return acceptanceView({
    ...card(ELECTION),
    requirements: [
      '到会有表决权的人数须超过应到人数的五分之四',
      '赞成票须超过实到会有表决权人数的半数，始得当选',
      '每张选票赞成人数不得超过应选名额',
    ],
    candidates: ELECTION_CANDIDATES,
    seats: 3,
    maxYes: 3,
    writtenOpinionsAllowed: false,
    expected: 32,
    present: 29,
    me: { onRoster: true, checkedIn: true },
    ...o,
  });
}

/** 民主评议党员: every full member rates each other with a grade. */
export function evaluationView(o: VoteOverrides = {}): VoteView {
  const subjects = PE_MEMBERS.filter((m) => m.status === 'full_member')
    .slice(0, 4)
    .map((m) => ({ id: m.id, name: m.name }));
  return acceptanceView({
    ...card(EVALUATION),
    requirements: ['到会有表决权的人数须超过应到人数的半数', '优秀不超过三分之一'],
    ballotForm: 'grades',
    markValues: [...GRADES, 'abstain'],
    candidates: subjects,
    writtenOpinionsAllowed: false,
    me: { onRoster: true, checkedIn: true },
    ...o,
  });
}

// ---------------------------------------------------------------------------------------------- presence

const at = (hm: string) => `2026-11-26T${hm}:00+08:00`;

/** Turnout at the acceptance meeting: 8 of 11 here, 6 ballots in, 石欣然 sent a written opinion before it. */
export function acceptancePresence(o: Partial<PresenceView> = {}): PresenceView {
  const here = ['韩雪', '曹磊', '邓佳琪', '许文博', '蒋思彤', '沈浩宇', '韦嘉怡', '罗一凡'];
  const away = ['唐雨萱', '马骁', '石欣然'];
  return {
    voteId: ACCEPTANCE.id,
    expected: 11,
    present: here.length,
    quorumNeeded: quorumNeededFor(ruleSetFor('acceptance'), 11),
    ballotsIssued: here.length,
    ballotsReturned: 6,
    checkedIn: here.map((name, i) => ({ id: byName(name).id, name, at: at(`14:${String(31 + i).padStart(2, '0')}`) })),
    absent: away.map((name) => ({ id: byName(name).id, name })),
    writtenOpinions: [{ voterId: byName('石欣然').id, name: '石欣然', submittedAt: '2026-11-25T20:14:00+08:00' }],
    excluded: [],
    ...o,
  };
}

/** The meeting just opened: three checked in of 11, quorum not reached. */
export function earlyPresence(): PresenceView {
  const p = acceptancePresence();
  const here = p.checkedIn.slice(0, 3);
  return {
    ...p,
    present: 3,
    ballotsIssued: 3,
    ballotsReturned: 0,
    checkedIn: here,
    absent: [...p.checkedIn.slice(3).map(({ id, name }) => ({ id, name })), ...p.absent],
  };
}

// ---------------------------------------------------------------------------------------------- resolution

function line(
  c: CandidateView,
  room: [yes: number, no: number, abstain: number, invalid: number],
  written: [yes: number, no: number, abstain: number],
  outcome: CandidateOutcome | null,
): ResolutionLineView {
  return {
    candidateId: c.id,
    name: c.name,
    yes: room[0],
    no: room[1],
    abstain: room[2],
    invalid: room[3],
    writtenYes: written[0],
    writtenNo: written[1],
    writtenAbstain: written[2],
    totalYes: room[0] + written[0],
    outcome,
    outcomeLabel: outcome ? CANDIDATE_OUTCOME_LABELS[outcome] : null,
    grades: null,
  };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `n` distinct, sorted, well-formed ballot codes (a fixed sequence, so pictures stay the same run to run). */
function demoCodes(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let code = '';
    for (let j = 0; j < 8; j++) code += ALPHABET[(i * 7 + j * 13 + i * j * 5 + 3) % ALPHABET.length];
    out.push(code);
  }
  return [...new Set(out)].sort();
}

const CODES = [
  '3KQ7M2XP',
  '4HWT9NBC',
  '7RDF2KZA',
  '8MPX4JQE',
  'CQ5VH8TW',
  'F2NZ6RKD',
  'HT9B3WQM',
  'K7Q2M9XP',
  'XW4E7PLC',
];

/**
 * 冯晨 passes with 9 yes of 11 expected (8 in the room, 1 written); 彭悦 fails with 5: more than half of those
 * present would have passed her, but the threshold is half of 应到 (A14).
 */
export function acceptanceResolution(o: Partial<ResolutionView> = {}): ResolutionView {
  const outcome: VoteOutcome = o.outcome ?? 'counted';
  const counted = outcome === 'counted';
  return {
    voteId: ACCEPTANCE.id,
    kind: 'acceptance',
    kindLabel: VOTE_KIND_LABELS.acceptance,
    title: ACCEPTANCE.title,
    unitName: unitName(PE_BRANCH),
    date: '2026-11-26',
    method: '无记名投票',
    ruleVersion: '2014',
    ruleVersionLabel: RULE_VERSION_LABELS['2014'],
    ruleVerified: true,
    articles: ['细则(2014) 第二十条：到会有表决权的党员超过应到会有表决权党员的半数'],
    requirements: REQUIREMENTS_ACCEPTANCE,
    expected: 11,
    present: 9,
    excluded: 0,
    writtenOpinions: 1,
    ballotsIssued: 9,
    ballotsReturned: 9,
    ballotsInvalid: 0,
    outcome,
    outcomeLabel: VOTE_OUTCOME_LABELS[outcome],
    ballotForm: 'choices',
    excellentLimit: null,
    lines: [
      line(FENG_CHEN, [8, 1, 0, 0], [1, 0, 0], counted ? 'passed' : null),
      line(PENG_YUE, [5, 3, 1, 0], [0, 0, 1], counted ? 'failed' : null),
    ],
    election: null,
    scrutineers: ['邓佳琪'],
    tellers: ['许文博', '蒋思彤'],
    decision: null,
    ballotCodes: CODES,
    ...o,
  };
}

/** More ballots came back than were issued: the vote is void and must be held again (F2). */
export function voidResolution(): ResolutionView {
  return acceptanceResolution({ outcome: 'void', ballotsReturned: 10, ballotCodes: [...CODES, 'ZP3R6TNA'] });
}

const TUIYOU_CANDIDATES: CandidateView[] = [
  { id: 'p-chenjy', name: '陈佳怡' },
  { id: 'p-sunmy', name: '孙梦瑶' },
  { id: 'p-zhangsy', name: '张思远' },
];

/** 推优 in 计算机科学与技术2301班团支部 (32 League members 应到): two pass, one does not. */
export function tuiyouResolution(decision: DecisionView | null = null): ResolutionView {
  const [a, b, c] = TUIYOU_CANDIDATES;
  return {
    ...acceptanceResolution(),
    voteId: TUIYOU.id,
    kind: 'tuiyou',
    kindLabel: '推优入党（推荐为发展对象）',
    title: TUIYOU.title,
    unitName: unitName(LEAGUE_BRANCH),
    date: '2026-11-12',
    requirements: [
      '到会有表决权的人数须超过应到人数的半数',
      '赞成票须超过应到会有表决权人数的半数，方可进入考察',
      '推荐人数不超过团员总数的五分之一，由支部委员会考察决定',
    ],
    expected: 32,
    present: 27,
    writtenOpinions: 0,
    ballotsIssued: 27,
    ballotsReturned: 27,
    ballotsInvalid: 1,
    lines: [
      line(a, [24, 1, 1, 1], [0, 0, 0], 'passed'),
      line(b, [19, 5, 2, 1], [0, 0, 0], 'passed'),
      line(c, [12, 10, 4, 1], [0, 0, 0], 'failed'),
    ],
    scrutineers: ['周俊杰'],
    tellers: ['欧阳明轩'],
    decision,
    ballotCodes: demoCodes(27),
  };
}

export const TUIYOU_DECISION: DecisionView = {
  voteId: TUIYOU.id,
  decidedOn: '2026-11-16',
  minutesRef: '计2301团支委〔2026〕5号',
  recordedBy: '陈佳怡',
  recommended: [TUIYOU_CANDIDATES[0]],
  declined: [{ id: 'p-sunmy', name: '孙梦瑶', reason: '本学期有一门课程不及格，待下学期考察' }],
  grades: [],
};

/** Everything the console needs: get, presence, resolution, answering with the same vote throughout. */
export function tuiyouView(): VoteView {
  return acceptanceView({
    ...card(TUIYOU),
    candidates: TUIYOU_CANDIDATES,
    tuiyouTarget: 'development_candidate',
    writtenOpinionsAllowed: false,
    state: 'closed',
    canManage: true,
  });
}

export const VOTE_OUTCOME_TEXT = VOTE_OUTCOME_LABELS;
export const PE_BRANCH_NAME = unitName(PE_BRANCH);
export { CODES as BALLOT_CODES };

// ---------------------------------------------------------------------------------------------- evaluation

const EVALUATION_SUBJECTS: CandidateView[] = PE_MEMBERS.filter((m) => m.status === 'full_member')
  .slice(0, 6)
  .map((m) => ({ id: m.id, name: m.name }));

/** The rating of each graded member: [优秀, 合格, 基本合格, 不合格, 弃权]; 9 raters present. */
const EVALUATION_TALLY: [number, number, number, number, number][] = [
  [7, 2, 0, 0, 0],
  [6, 3, 0, 0, 0],
  [3, 5, 1, 0, 0],
  [2, 6, 1, 0, 0],
  [1, 6, 1, 0, 1],
  [0, 4, 4, 1, 0],
];

/**
 * 2026年度民主评议党员, counted: six formal members are graded (优秀 at most 2, C2); the probationary members took
 * part without a grade and have no line. `decision` is the committee's grades once recorded.
 */
export function evaluationResolution(decision: DecisionView | null = null): ResolutionView {
  return {
    ...acceptanceResolution(),
    voteId: EVALUATION.id,
    kind: 'party_evaluation',
    kindLabel: VOTE_KIND_LABELS.party_evaluation,
    title: EVALUATION.title,
    requirements: ['到会有表决权的人数须超过应到人数的半数', '优秀一般不超过本支部正式党员的三分之一'],
    writtenOpinions: 0,
    ballotForm: 'grades',
    excellentLimit: maxExcellent(ruleSetFor('party_evaluation'), EVALUATION_SUBJECTS.length),
    lines: EVALUATION_SUBJECTS.map((c, i) => {
      const [excellent, qualified, basically, unqualified, abstain] = EVALUATION_TALLY[i];
      return {
        ...line(c, [0, 0, abstain, 0], [0, 0, 0], null),
        grades: { excellent, qualified, basically_qualified: basically, unqualified },
      };
    }),
    decision,
  };
}

export const EVALUATION_DECISION: DecisionView = {
  voteId: EVALUATION.id,
  decidedOn: '2026-11-27',
  minutesRef: '体育学院学生党支委〔2026〕12号',
  recordedBy: '韩雪',
  recommended: [],
  declined: [],
  grades: EVALUATION_SUBJECTS.map((c, i) => {
    const grade = (['excellent', 'excellent', 'qualified', 'qualified', 'qualified', 'basically_qualified'] as const)[
      i
    ];
    return { id: c.id, name: c.name, grade, gradeLabel: GRADE_LABELS[grade] };
  }),
};

/** The evaluation after close, as its secretary sees it. */
export function evaluationClosedView(): VoteView {
  return evaluationView({ state: 'closed', canManage: true });
}

// ---------------------------------------------------------------------------------------------- school settings

const half = { num: 1, den: 2 };
const settingFor = (
  kind: RuleSettingView['kind'],
  requirements: string[],
  national: RuleSettingView['national'],
  overrides: RuleSettingView['overrides'] = {},
  nationalRequirements: string[] = requirements,
): RuleSettingView => ({
  kind,
  kindLabel: VOTE_KIND_LABELS[kind],
  overrides,
  nationalRequirements,
  requirements,
  open: [],
  national,
  choices: { quorum: shareChoices(national.quorum), pass: shareChoices(national.pass) },
});

/** What votes.ruleSettings answers in the demo: the League committee set a 13% 推优 quota; the rest is national. */
export const RULE_SETTINGS: RuleSettingsView = {
  updatedAt: '2026-11-02T10:20:00.000+08:00',
  updatedBy: '张晓东',
  kinds: [
    settingFor(
      'acceptance',
      [
        '到会有表决权的人数须超过应到人数的半数',
        '赞成票须超过应到会有表决权人数的半数，为通过',
        '会前正式提交的书面意见计入；会议开始后提交的无效',
      ],
      { quorum: half, pass: half, excellentQuota: null, recommendQuota: null },
    ),
    settingFor(
      'tuiyou',
      [
        '到会有表决权的人数须超过应到人数的半数',
        '赞成票须超过应到会有表决权人数的半数，方可进入考察',
        '推荐人数不超过团员总数的13%，由支部委员会考察决定',
      ],
      { quorum: half, pass: half, excellentQuota: null, recommendQuota: { num: 1, den: 5 } },
      { recommendQuota: { num: 13, den: 100 } },
      [
        '到会有表决权的人数须超过应到人数的半数',
        '赞成票须超过应到会有表决权人数的半数，方可进入考察',
        '推荐人数不超过团员总数的20%，由支部委员会考察决定',
      ],
    ),
    settingFor('league_evaluation', ['到会有表决权的人数须超过应到人数的三分之二', '优秀不超过30%'], {
      quorum: { num: 2, den: 3 },
      pass: null,
      excellentQuota: { num: 3, den: 10 },
      recommendQuota: null,
    }),
  ],
};
