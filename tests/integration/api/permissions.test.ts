/**
 * The permission table: every action × every demo role → allowed, or the permission error.
 * The expected table is written out here by hand (not derived from the production grants), and the
 * sample inputs are typed over every action name, so a new action cannot be left out of this test.
 */
import type { ActionName, Input } from '../../../typings/actions';
import type { Role } from '../../../typings/domain';
import { startTestEmulator, type TestEmulator } from '../support';

const SAMPLE_INPUTS: { [A in ActionName]: Input<A> } = {
  'me.get': {},
  'org.tree': {},
  'bindings.submit': { name: '表格测试', studentNo: '2025099999', collegeId: 'u_sport' },
  'bindings.listPending': { page: 1, pageSize: 5 },
  'bindings.decide': { bindingId: 'b_demo_applicant_new', approve: false, reason: '权限表测试' },
  'bindings.revoke': { studentNo: '2099999999', reason: '权限表测试' },
  'bindings.issueCode': { studentNo: '2099999999' },
  'people.list': { unitId: 'u_sport_pb' },
  'positions.assign': { personId: 'p_2023010110', unitId: 'u_as_bball', role: 'backbone' },
  'positions.end': { personId: 'p_2023010110', positionId: 'pos_missing' },
  'admin.bootstrap': { code: 'not-the-setup-code', name: '某某', studentNo: 'T9999' },
  'audit.list': {},
  'audit.verify': {},
  'notices.create': {
    unitId: 'u_sport_pb',
    kind: 'other',
    title: '权限表测试公示',
    body: '权限表测试',
    subjects: [],
    scopeUnitIds: ['u_sport_pb'],
    window: { start: '2099-01-05', length: 5, unit: 'workday' },
  },
  'notices.update': { noticeId: 'n_missing', title: '权限表测试' },
  'notices.publish': { noticeId: 'n_missing' },
  'notices.withdraw': { noticeId: 'n_missing', reason: '权限表测试' },
  'notices.list': { scope: 'visible' },
  'notices.get': { noticeId: 'n_missing' },
  'notices.object': { noticeId: 'n_missing', text: '权限表测试', anonymous: true },
  'notices.myObjections': {},
  'notices.objections': { noticeId: 'n_missing' },
  'notices.handleObjection': { objectionId: 'obj_missing', investigation: '权限表测试', outcome: 'dismissed' },
  'notices.closeReport': { noticeId: 'n_missing' },
  'votes.create': {
    unitId: 'u_missing',
    kind: 'conversion',
    title: '权限表测试表决',
    scheduledStart: '2099-01-05T14:00:00+08:00',
    candidateIds: ['p_2023010101'],
  },
  'votes.open': { voteId: 'v_missing', scrutineerIds: ['p_2022010102'], tellerIds: ['p_2022010103'] },
  'votes.checkIn': { voteId: 'v_missing', code: '123456' },
  'votes.cast': { voteId: 'v_missing', marks: [] },
  'votes.close': { voteId: 'v_missing' },
  'votes.cancel': { voteId: 'v_missing', reason: '权限表测试' },
  'votes.get': { voteId: 'v_missing' },
  'votes.listMine': {},
  'votes.list': { unitId: 'u_sport_pb' },
  'votes.presence': { voteId: 'v_missing' },
  'votes.resolution': { voteId: 'v_missing' },
  'votes.verifyBallot': { voteId: 'v_missing', code: 'ABCD2345' },
  'votes.recordDecision': {
    voteId: 'v_missing',
    decidedOn: '2099-01-06',
    minutesRef: '权限表测试',
    decision: { type: 'tuiyou', recommended: [], declined: [] },
  },
  'votes.addWrittenOpinion': { voteId: 'v_missing', marks: [] },
  'votes.noticeDraft': { voteId: 'v_missing' },
  'votes.ruleSettings': {},
  // minVoters 1 is looser than the national 3: refused by the rules (RULE_OVERRIDE_LOOSER) once the gate lets it by.
  'votes.setRuleSettings': { kind: 'tuiyou', overrides: { minVoters: 1 } },
  'honors.award': {
    unitId: 'u_fed',
    title: '优秀社团',
    recipient: { kind: 'association', unitId: 'u_as_missing' },
    term: '2026年度',
    citation: '权限表测试',
  },
  'honors.verify': { certificateNo: 'LY-0000-0000-0000-0000-0' },
  'honors.revoke': { honorId: 'h_missing', reason: '权限表测试' },
  'honors.wall': { of: { kind: 'person', personId: 'p_2023010110' } },
  'honors.setHidden': { honorId: 'h_missing', hidden: true },
  'honors.titles': { unitId: 'u_fed' },
  // Dropping the vote of 优秀共产党员 is looser than the rules: refused (RULE_OVERRIDE_LOOSER) once the gate lets it by.
  'honors.setTitles': {
    kind: 'party_committee',
    titles: [{ title: '优秀共产党员', recipients: ['person'], needsVote: false, needsPublicity: true }],
  },
  'showcase.create': { associationId: 'u_as_missing', title: '权限表测试', text: '权限表测试' },
  'showcase.list': {},
  'showcase.get': { postId: 'sp_missing' },
  'showcase.reviewQueue': {},
  'showcase.review': { postId: 'sp_missing', approve: true },
  'showcase.like': { postId: 'sp_missing' },
  'showcase.association': { associationId: 'u_as_bball' },
  'home.feed': {},
  'share.code': { target: { kind: 'post', postId: 'sp_missing' } },
};

/** One demo persona per role, each holding only that role. */
const PERSONA_OF: Record<Role, string> = {
  school_admin: 'admin',
  party_committee_admin: 'party_admin',
  league_committee_admin: 'league_admin',
  college_officer: 'sport_officer',
  federation_officer: 'fed_chair',
  branch_secretary: 'sport_pb_sec',
  branch_committee: 'sport_pb_cm',
  association_president: 'bball_pres',
  advisor: 'advisor_bball',
  backbone: 'bball_backbone',
};

const EVERYONE: ActionName[] = [
  'me.get',
  'org.tree',
  'bindings.submit',
  'admin.bootstrap',
  'honors.verify',
  'honors.wall',
  'showcase.list',
  'showcase.get',
  'showcase.association',
  'home.feed',
  'share.code',
];
const ADMINS: Role[] = ['school_admin', 'party_committee_admin', 'league_committee_admin'];
const OFFICERS: Role[] = [...ADMINS, 'college_officer'];
const READERS: Role[] = [
  ...OFFICERS,
  'federation_officer',
  'branch_secretary',
  'branch_committee',
  'association_president',
  'advisor',
];

/** Who answers for a 公示: every role granted notice.manage and notice.handleObjection. */
const NOTICE_OFFICERS: Role[] = [...OFFICERS, 'federation_officer', 'branch_secretary'];

/** Who runs a 票决 (vote.manage): the committees, college officers and branch secretaries. */
const VOTE_OFFICERS: Role[] = [...OFFICERS, 'branch_secretary'];

const ALLOWED: Record<ActionName, Role[] | 'bound' | 'anyone'> = {
  'me.get': 'anyone',
  'org.tree': 'anyone',
  'bindings.submit': 'anyone',
  'admin.bootstrap': 'anyone',
  'bindings.listPending': OFFICERS,
  'bindings.decide': OFFICERS,
  'bindings.revoke': OFFICERS,
  'bindings.issueCode': OFFICERS,
  'people.list': READERS,
  'positions.assign': OFFICERS,
  'positions.end': OFFICERS,
  'audit.list': ADMINS,
  'audit.verify': ADMINS,
  'notices.create': NOTICE_OFFICERS,
  'notices.update': NOTICE_OFFICERS,
  'notices.publish': NOTICE_OFFICERS,
  'notices.withdraw': NOTICE_OFFICERS,
  'notices.list': 'bound',
  'notices.get': 'bound',
  'notices.object': 'bound',
  'notices.myObjections': 'bound',
  'notices.objections': NOTICE_OFFICERS,
  'notices.handleObjection': NOTICE_OFFICERS,
  'notices.closeReport': NOTICE_OFFICERS,
  'votes.create': VOTE_OFFICERS,
  'votes.open': VOTE_OFFICERS,
  'votes.checkIn': 'bound',
  'votes.cast': 'bound',
  'votes.close': VOTE_OFFICERS,
  'votes.cancel': VOTE_OFFICERS,
  'votes.get': 'bound',
  'votes.listMine': 'bound',
  'votes.list': VOTE_OFFICERS,
  'votes.presence': VOTE_OFFICERS,
  'votes.resolution': 'bound',
  'votes.verifyBallot': 'bound',
  'votes.recordDecision': VOTE_OFFICERS,
  'votes.addWrittenOpinion': 'bound',
  'votes.noticeDraft': VOTE_OFFICERS,
  'votes.ruleSettings': VOTE_OFFICERS,
  'votes.setRuleSettings': ADMINS,
  // The awarding unit's officers are those who publish its 公示 (the handler narrows to the unit's line).
  'honors.award': NOTICE_OFFICERS,
  'honors.verify': 'anyone',
  'honors.revoke': NOTICE_OFFICERS,
  'honors.wall': 'anyone',
  'honors.setHidden': 'bound',
  'honors.titles': 'bound',
  'honors.setTitles': ADMINS,
  'showcase.create': 'bound',
  'showcase.list': 'anyone',
  'showcase.get': 'anyone',
  'showcase.reviewQueue': NOTICE_OFFICERS,
  'showcase.review': NOTICE_OFFICERS,
  'showcase.like': 'bound',
  'showcase.association': 'anyone',
  'home.feed': 'anyone',
  'share.code': 'anyone',
};

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const DENIALS = ['FORBIDDEN', 'NOT_BOUND'];
const actions = Object.keys(SAMPLE_INPUTS) as ActionName[];

describe.each(Object.entries(PERSONA_OF) as [Role, string][])('as %s', (role, persona) => {
  it.each(actions)('%s', async (action) => {
    const res = await emu.as(persona, action, SAMPLE_INPUTS[action]);
    const rule = ALLOWED[action];
    const allowed = rule === 'anyone' || rule === 'bound' || rule.includes(role);
    const code = res.ok ? null : res.error.code;
    if (allowed) expect(DENIALS).not.toContain(code);
    else expect(code).toBe('FORBIDDEN');
  });
});

describe('as a plain student and as an unbound WeChat user', () => {
  it.each(actions)('%s', async (action) => {
    const student = await emu.as('sport_league1', action, SAMPLE_INPUTS[action]);
    const stranger = await emu.as('openid:o-nobody', action, SAMPLE_INPUTS[action]);
    const studentCode = student.ok ? null : student.error.code;
    const strangerCode = stranger.ok ? null : stranger.error.code;
    if (EVERYONE.includes(action)) {
      expect(DENIALS).not.toContain(studentCode);
      expect(DENIALS).not.toContain(strangerCode);
    } else if (ALLOWED[action] === 'bound') {
      expect(DENIALS).not.toContain(studentCode);
      expect(strangerCode).toBe('NOT_BOUND');
    } else {
      expect(studentCode).toBe('FORBIDDEN');
      expect(strangerCode).toBe('NOT_BOUND');
    }
  });
});

it('covers every action the api serves', async () => {
  const { actions: served } = (await (await fetch(`${emu.url}/actions`)).json()) as { actions: { name: string }[] };
  expect(served.map((a) => a.name).sort()).toEqual([...actions].sort());
});
