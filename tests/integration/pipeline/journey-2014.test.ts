/**
 * One student from application to full member under the 2014 细则, through the api function with an injected clock:
 * at every step the gate it still lacks refuses first (its rule, source and what is missing; nothing written), then
 * the record that satisfies it is made and the step goes through.
 */
import type { CaseView } from '../../../typings/actions';
import type { Person } from '../../../typings/domain';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, COMMITTEE_MEMBER, footprint, passVote, SECRETARY, seedTraining } from './support';

let emu: TestEmulator;
let student: { id: string; who: string };
let caseId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  at(emu, '2026-09-07');
  // A member of the basketball association's temporary party branch too: its assessments flow home.
  student = await addStudent(emu, '2026019901', { memberOf: ['u_as_bball', 'u_as_bball_tpb'] });
});
afterAll(() => emu.close());

/** The call is refused with `code` (and, for a gate, `rule`), and nothing at all is written. */
async function refused(who: string, action: string, input: unknown, code: string, rule?: string) {
  const before = await footprint(emu, student.id);
  const res = await emu.as(who, action, input);
  expect(errorCode(res)).toBe(code);
  if (rule && !res.ok) {
    expect(res.error.fields).toMatchObject({ rule });
    expect(res.error.fields?.source).toBeTruthy();
    expect(res.error.fields?.missing).toBeTruthy();
  }
  expect(await footprint(emu, student.id)).toBe(before);
  return res;
}

const step = (s: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  step: s,
  meetingRef: '支委会记录',
  ...extra,
});
const person = async () => (await emu.server.db.collection('people').findOne({ _id: student.id })) as unknown as Person;

describe('a student becomes a full member under the 2014 细则', () => {
  it('applies to the home party branch, not a temporary branch, and becomes an applicant under 2014', async () => {
    await refused(
      student.who,
      'pipeline.apply',
      { branchId: 'u_as_bball_tpb', statement: '入党申请书' },
      'TEMP_BRANCH_NO_CASE',
    );
    await refused(student.who, 'pipeline.apply', { branchId: 'u_info_pb', statement: '入党申请书' }, 'NOT_HOME_BRANCH');
    const view = expectOk(
      await emu.call(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '我志愿加入中国共产党' }),
    );
    caseId = view.caseId;
    expect(view).toMatchObject({ stage: 'applicant', ruleVersion: '2014', appliedOn: '2026-09-07' });
    expect(view.next).toMatchObject({ kind: 'application_talk', due: '2026-10-07', overdue: false });
    expect((await person()).status).toBe('party_applicant');
    await refused(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '再次申请' }, 'CASE_EXISTS');
  });

  it('names an activist only after the talk, a recommendation and the branch decision (A3, A4)', async () => {
    at(emu, '2026-09-20');
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_activist'), 'GATE_NOT_MET', 'A3');
    expectOk(
      await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', {
        caseId,
        kind: 'application',
        on: '2026-09-20',
        topics: '入党动机、党的基本知识',
        content: '谈入党动机和对党的认识',
        opinion: '动机端正',
      }),
    );
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_activist'), 'GATE_NOT_MET', 'A4');
    at(emu, '2026-09-25');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
        caseId,
        on: '2026-09-25',
        recommenderIds: ['p_2022010103', 'p_2022010104'],
        content: '表现积极，推荐为入党积极分子',
      }),
    );
    const res = await refused(SECRETARY, 'pipeline.takeStep', step('determine_activist'), 'GATE_NOT_MET', 'A4');
    // The student cannot take their own step.
    await refused(student.who, 'pipeline.takeStep', step('determine_activist'), 'NOT_BRANCH_OFFICER');
    expect(!res.ok && res.error.fields?.missing).toContain('表决');
    const voteId = await passVote(emu, 'activist_determination', student.id, '2026-10-12');
    // Someone who is not an officer of the home branch cannot decide, even an officer of the student's temp branch.
    await refused('sport_full2', 'pipeline.takeStep', step('determine_activist', { voteId }), 'OUT_OF_SCOPE');
    await refused('info_pb_sec', 'pipeline.takeStep', step('determine_activist', { voteId }), 'OUT_OF_SCOPE');
    const done = expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', step('determine_activist', { voteId }) as never),
    );
    expect(done).toMatchObject({ stage: 'activist', next: { kind: 'assessment', due: '2027-04-12' } });
    expect((await person()).statusHistory.at(-1)).toEqual({ status: 'activist', since: '2026-10-12' });
  });

  it('opens the activist file with the step, in its transaction and on its audit entry, contacts still to be named', async () => {
    const file = expectOk(await emu.call(SECRETARY, 'activists.file', { personId: student.id }));
    expect(file).toMatchObject({ branchId: BRANCH, openedOn: '2026-10-12', contacts: [], assessments: [] });
    // The trail keeps one entry for the step (the file's digest is part of it): no separate entry was written.
    expect(await emu.server.db.collection('audit').count({ action: 'activists.open' })).toBe(0);
    // Nobody opens it a second time by hand.
    await refused(SECRETARY, 'activists.open', { personId: student.id }, 'ACTIVIST_FILE_EXISTS');
  });

  it('a step out of order is refused', async () => {
    await refused(SECRETARY, 'pipeline.takeStep', step('branch_accept'), 'STEP_OUT_OF_ORDER');
    await refused('sport_officer', 'pipeline.takeStep', step('approve_acceptance'), 'STEP_OUT_OF_ORDER');
  });

  it('cultivates the activist: contacts, assessments from home and from the temporary branch (A5, A6, D6)', async () => {
    at(emu, '2026-10-13');
    await refused(
      SECRETARY,
      'pipeline.setContacts',
      { caseId, contactIds: ['p_2023010101'], on: '2026-10-13' },
      'CONTACT_NOT_ELIGIBLE',
    );
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setContacts', { caseId, contactIds: ['p_2022010103'], on: '2026-10-13' }),
    );
    at(emu, '2027-03-20');
    // The basketball association's temporary branch reports; the record flows into the home branch's case.
    expectOk(
      await emu.call('sport_full2', 'pipeline.recordAssessment', {
        personId: student.id,
        unitId: 'u_as_bball_tpb',
        kind: 'assessment',
        on: '2027-03-20',
        content: '社团活动中表现突出',
        opinion: '合格',
      }),
    );
    // The temporary branch never sees or owns the case.
    await refused('sport_full2', 'pipeline.get', { caseId }, 'OUT_OF_SCOPE');
    at(emu, '2027-09-20');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordAssessment', {
        personId: student.id,
        unitId: BRANCH,
        kind: 'assessment',
        on: '2027-09-20',
        content: '学习党章，参加志愿服务',
        opinion: '合格',
      }),
    );
    const view = expectOk(await emu.call(student.who, 'pipeline.mine', {})) as CaseView;
    const fromTemp = view.records.find((r) => r.kind === 'assessment' && r.fromUnitName === '篮球协会临时党支部');
    expect(fromTemp).toBeTruthy();
    // The activist file shows the contact the case names and both assessments, the temporary branch's marked so.
    const file = expectOk(await emu.call(student.who, 'activists.file', { personId: student.id }));
    expect(file.contacts).toEqual([{ personId: 'p_2022010103', name: '韩冬' }]);
    expect(file.assessments.map((a) => [a.on, a.fromUnitName, a.fromTemporary])).toEqual([
      ['2027-03-20', '篮球协会临时党支部', true],
      ['2027-09-20', '体育学院学生党支部', false],
    ]);
  });

  it('a back-dated talk is refused', async () => {
    at(emu, '2027-10-08');
    await refused(
      'sport_full1',
      'pipeline.recordTalk',
      { caseId, kind: 'before_candidate', on: '2027-09-30', topics: '考察', content: '补记谈话', opinion: '同意' },
      'RECORD_BACKDATED',
    );
    expectOk(
      await emu.call('sport_full1', 'pipeline.recordTalk', {
        caseId,
        kind: 'before_candidate',
        on: '2027-10-08',
        topics: '确定发展对象前谈话',
        content: '谈思想、学习和工作情况',
        opinion: '同意确定为发展对象',
      }),
    );
  });

  it('a day short of a year as activist is not a year (A7); on the anniversary the branch decides', async () => {
    at(emu, '2027-10-11');
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'A7');
    // The cultivation contact sees the case but does not decide.
    await refused('sport_full1', 'pipeline.takeStep', step('determine_candidate'), 'NOT_BRANCH_OFFICER');
    const voteId = await passVote(emu, 'development_candidate_determination', student.id, '2027-10-12');
    const done = expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', step('determine_candidate', { voteId }) as never),
    );
    expect(done.stage).toBe('development_candidate');
  });

  it('pre-examines only with introducers, the review, 24 学时 of training and both levels in writing (A8, A9, A10, S7)', async () => {
    at(emu, '2027-10-13');
    await refused('sport_officer', 'pipeline.takeStep', step('pre_examine'), 'GATE_NOT_MET', 'A8');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setIntroducers', {
        caseId,
        introducerIds: ['p_2022010103', 'p_2022010105'],
        on: '2027-10-13',
      }),
    );
    await refused('sport_officer', 'pipeline.takeStep', step('pre_examine'), 'GATE_NOT_MET', 'A9');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordReview', {
        caseId,
        on: '2027-10-13',
        conclusion: 'qualified',
        summary: '政治历史清楚，现实表现好',
      }),
    );
    await seedTraining(emu, student.id, [
      ['2027-10-15', 12],
      ['2027-10-16', 11],
    ]);
    at(emu, '2027-10-20');
    const short = await refused('sport_officer', 'pipeline.takeStep', step('pre_examine'), 'GATE_NOT_MET', 'A10');
    expect(!short.ok && short.error.fields?.missing).toContain('23 学时');
    // The branch secretary cannot pre-examine: that is the committee's (A11).
    await refused(SECRETARY, 'pipeline.takeStep', step('pre_examine'), 'NOT_COMMITTEE');
    await seedTraining(emu, student.id, [['2027-10-16', 1]]);
    // S7: the college's pre-examination alone is not enough; the school's written one is missing.
    expectOk(
      await emu.call('sport_officer', 'pipeline.recordPreExam', {
        caseId,
        level: 'college',
        on: '2027-10-20',
        conclusion: 'passed',
        opinion: '材料齐全，同意报学校党委预审',
      }),
    );
    const schoolMissing = await refused(
      'sport_officer',
      'pipeline.takeStep',
      step('pre_examine'),
      'GATE_NOT_MET',
      'S7',
    );
    expect(!schoolMissing.ok && schoolMissing.error.fields?.missing).toBe('尚无学校党委组织部预审的书面意见');
    const page = expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId }));
    expect(page.gates.find((g) => g.rule === 'S7')).toMatchObject({
      state: 'fail',
      missing: '尚无学校党委组织部预审的书面意见',
    });
    expectOk(
      await emu.call('party_admin', 'pipeline.recordPreExam', {
        caseId,
        level: 'school',
        on: '2027-10-20',
        conclusion: 'passed',
        opinion: '同意',
      }),
    );
    expect(
      expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId })).gates.find((g) => g.rule === 'S7'),
    ).toMatchObject({ state: 'pass', missing: null });
    expectOk(await emu.call('sport_officer', 'pipeline.takeStep', step('pre_examine') as never));
  });

  it('accepts at the branch meeting after the 志愿书 (A11, A14) and the committee approves after its talk (A16, A17)', async () => {
    at(emu, '2027-10-21');
    await refused(
      SECRETARY,
      'pipeline.takeStep',
      step('branch_accept', { formIssuedOn: '2027-10-19' }),
      'GATE_NOT_MET',
      'A11',
    );
    await refused(
      SECRETARY,
      'pipeline.takeStep',
      step('branch_accept', { formIssuedOn: '2027-10-21' }),
      'GATE_NOT_MET',
      'A14',
    );
    const voteId = await passVote(emu, 'acceptance', student.id, '2027-11-01');
    const accepted = expectOk(
      await emu.call(
        SECRETARY,
        'pipeline.takeStep',
        step('branch_accept', { voteId, formIssuedOn: '2027-10-21' }) as never,
      ),
    );
    expect(accepted.next).toMatchObject({ kind: 'approve_acceptance', due: '2028-02-01' });
    at(emu, '2027-11-10');
    await refused('party_admin', 'pipeline.takeStep', step('approve_acceptance'), 'GATE_NOT_MET', 'A16');
    // A16: the talk before approval is the committee's.
    await refused(
      SECRETARY,
      'pipeline.recordTalk',
      { caseId, kind: 'before_approval', on: '2027-11-10', topics: '审批前', content: '谈话', opinion: '同意' },
      'NOT_COMMITTEE',
    );
    expectOk(
      await emu.call('party_admin', 'pipeline.recordTalk', {
        caseId,
        kind: 'before_approval',
        on: '2027-11-10',
        topics: '入党动机、对党的认识',
        content: '党委组织员谈话',
        opinion: '同意接收',
      }),
    );
    at(emu, '2027-11-15');
    const approved = expectOk(await emu.call('party_admin', 'pipeline.takeStep', step('approve_acceptance') as never));
    // A19: probation counts from the branch meeting, not the approval.
    expect(approved).toMatchObject({
      stage: 'probationary_member',
      next: { kind: 'oath', due: '2028-11-01' },
    });
    expect((await person()).statusHistory.at(-1)).toEqual({ status: 'probationary_member', since: '2027-11-01' });
    // A18: the oath facing the Party flag, after the approval.
    at(emu, '2027-11-20');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordOath', {
        caseId,
        on: '2027-11-20',
        place: '学院党员活动室',
        leaderName: '何静',
      }),
    );
    expect(expectOk(await emu.call(student.who, 'pipeline.mine', {}))?.next).toMatchObject({
      kind: 'branch_convert',
      due: '2028-11-01',
    });
  });

  it('converts when probation ends and counts standing from its end (A19, A21, A22)', async () => {
    at(emu, '2028-10-31');
    await refused(SECRETARY, 'pipeline.takeStep', step('branch_convert'), 'GATE_NOT_MET', 'A19');
    expectOk(
      await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', {
        caseId,
        kind: 'before_conversion',
        on: '2028-10-31',
        topics: '转正前谈话',
        content: '预备期表现',
        opinion: '同意按期转正',
      }),
    );
    at(emu, '2028-11-01');
    await refused(SECRETARY, 'pipeline.takeStep', step('branch_convert'), 'GATE_NOT_MET', 'A21');
    const voteId = await passVote(emu, 'conversion', student.id, '2028-11-01');
    expectOk(await emu.call(SECRETARY, 'pipeline.takeStep', step('branch_convert', { voteId }) as never));
    at(emu, '2028-11-20');
    const done = expectOk(await emu.call('party_admin', 'pipeline.takeStep', step('approve_conversion') as never));
    expect(done).toMatchObject({ stage: 'full_member', next: null });
    const view = expectOk(await emu.call(student.who, 'pipeline.mine', {})) as CaseView;
    expect(view).toMatchObject({ stage: 'full_member', standingSince: '2028-11-01', probationSince: '2027-11-01' });
    expect(view.chain).toEqual({
      introducedBy: ['韩冬', '邓凯'],
      cultivatedBy: ['韩冬'],
      talkedBy: ['何静', '韩冬', '李红梅'],
      reviewedBy: ['马骁', '陈志强'],
      approvedBy: ['李红梅'],
      // No assessment came with the three evaluations (S6); both levels pre-examined in writing (S7).
      evaluatedBy: [],
      preExaminedBy: ['陈志强（学院）', '李红梅（学校）'],
    });
    expect(view.records.map((r) => r.kind)).toContain('step');
    expect((await person()).status).toBe('full_member');
  });
});
