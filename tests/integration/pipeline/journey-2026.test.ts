/**
 * One League member from application to full member under the reported 2026 revision (chosen by the party committee
 * for new cases; a case opened before keeps 2014): 推优 for a League member under 28 (B1), the higher committee's
 * agreement and the 发展对象 公示 (A7), a special case confirmed by a second officer (A17), and one extension of
 * probation (A20) before conversion, with an injected clock.
 */
import type { CaseView } from '../../../typings/actions';
import type { Person } from '../../../typings/domain';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import {
  addStudent,
  at,
  BRANCH,
  COMMITTEE_MEMBER,
  footprint,
  passVote,
  preExamBothLevels,
  SECRETARY,
  seedTraining,
  seedTuiyou,
} from './support';

let emu: TestEmulator;
let student: { id: string; who: string };
let earlier: { id: string; who: string };
let disciplined: { id: string; who: string };
let caseId: string;
let current = '2026-09-07';
function go(day: string): void {
  current = day;
  at(emu, day);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  at(emu, '2026-09-07');
  student = await addStudent(emu, '2026019902', { league: true, birthDate: '2005-03-01', name: '周晓航' });
  earlier = await addStudent(emu, '2026019903', { name: '吴一凡' });
  // A formal member of the branch under 留党察看 since January 2027, rights not restored.
  disciplined = await addStudent(emu, '2026019904', {
    name: '郑直',
    extra: {
      status: 'full_member',
      homePartyBranchId: BRANCH,
      statusHistory: [{ status: 'full_member', since: '2020-07-01' }],
      partyDiscipline: { since: '2027-01-01', restoredOn: null },
    },
  });
});
afterAll(() => emu.close());

async function refused(who: string, action: string, input: unknown, code: string, rule?: string) {
  const before = await footprint(emu, student.id);
  const res = await emu.as(who, action, input);
  expect(errorCode(res)).toBe(code);
  if (rule && !res.ok) expect(res.error.fields).toMatchObject({ rule });
  expect(await footprint(emu, student.id)).toBe(before);
  return res;
}

const step = (s: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  step: s,
  meetingRef: '支委会记录',
  ...extra,
});
const talk = (kind: string, on: string) => ({
  caseId,
  kind,
  on,
  topics: '谈话提纲',
  content: '谈话内容',
  opinion: '同意',
});
const person = async () => (await emu.server.db.collection('people').findOne({ _id: student.id })) as unknown as Person;

describe('a League member becomes a full member under the 2026 revision', () => {
  it('opens new cases under the version the party committee sets; an open case keeps its own', async () => {
    const first = expectOk(
      await emu.call(earlier.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
    );
    expect(first.ruleVersion).toBe('2014');
    await refused('league_admin', 'pipeline.setRuleVersion', { ruleVersion: '2026.05' }, 'OUT_OF_SCOPE');
    expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: '2026.05' }));
    const view = expectOk(
      await emu.call(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '我志愿加入中国共产党' }),
    );
    caseId = view.caseId;
    expect(view).toMatchObject({ ruleVersion: '2026.05', ruleVersionLabel: expect.stringContaining('2026') });
    expect(expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId: first.caseId })).ruleVersion).toBe('2014');
  });

  it('a League member under 28 becomes an activist only with a valid 推优 (B1)', async () => {
    go('2026-09-15');
    expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk('application', '2026-09-15') as never));
    // The members' recommendation is not enough for a young League member.
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
        caseId,
        on: '2026-09-15',
        recommenderIds: ['p_2022010103'],
        content: '推荐',
      }),
    );
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_activist'), 'GATE_NOT_MET', 'B1');
    await seedTuiyou(emu, student.id, 'activist', '2026-09-30');
    const voteId = await passVote(emu, 'activist_determination', student.id, '2026-10-12', { ruleVersion: '2026.05' });
    expect(
      expectOk(await emu.call(SECRETARY, 'pipeline.takeStep', step('determine_activist', { voteId }) as never)).stage,
    ).toBe('activist');
  });

  it('the 发展对象 step asks in turn for contacts, every half-yearly assessment, the talk, 推优, the vote, the higher committee and the 公示 (A5, A6, A25, B1, A7)', async () => {
    go('2027-03-01');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordAssessment', {
        personId: student.id,
        unitId: BRANCH,
        kind: 'assessment',
        on: '2027-03-01',
        content: '上半年考察',
        opinion: '合格',
      }),
    );
    go('2027-10-11');
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'A7');
    go('2027-10-12');
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'A5');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setContacts', {
        caseId,
        contactIds: ['p_2022010103', 'p_2022010105'],
        on: '2027-10-12',
      }),
    );
    const a6 = await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'A6');
    expect(!a6.ok && a6.error.fields?.missing).toContain('2027-04-12 至 2027-10-12');
    // The half year ended yesterday: an assessment back-dated into it now would make the gate pass, so it is refused.
    await refused(
      SECRETARY,
      'pipeline.recordAssessment',
      { personId: student.id, unitId: BRANCH, kind: 'assessment', on: '2027-10-10', content: '补记', opinion: '合格' },
      'RECORD_BACKDATED',
    );
    // Caught up today, it counts, and the step will carry the warning.
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordAssessment', {
        personId: student.id,
        unitId: BRANCH,
        kind: 'assessment',
        on: '2027-10-12',
        content: '下半年考察（补做）',
        opinion: '合格',
      }),
    );
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'A25');
    expectOk(await emu.call('sport_full1', 'pipeline.recordTalk', talk('before_candidate', '2027-10-12') as never));
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'B1');
    await seedTuiyou(emu, student.id, 'development_candidate', '2027-10-01');
    await refused(SECRETARY, 'pipeline.takeStep', step('determine_candidate'), 'GATE_NOT_MET', 'A7');
    const voteId = await passVote(emu, 'development_candidate_determination', student.id, '2027-10-13', {
      ruleVersion: '2026.05',
    });
    const noHigher = await refused(
      SECRETARY,
      'pipeline.takeStep',
      step('determine_candidate', { voteId }),
      'GATE_NOT_MET',
      'A7',
    );
    expect(!noHigher.ok && noHigher.error.fields?.missing).toContain('上级党委');
    const approvalRef = '校党委组织部同意（2027）12号';
    const noNotice = await refused(
      SECRETARY,
      'pipeline.takeStep',
      step('determine_candidate', { voteId, approvalRef }),
      'GATE_NOT_MET',
      'A7',
    );
    expect(!noNotice.ok && noNotice.error.fields?.missing).toContain('公示');
    const { noticeId } = expectOk(
      await emu.call(SECRETARY, 'notices.create', {
        unitId: BRANCH,
        kind: 'development_candidate',
        ruleVersion: '2026.05',
        title: '发展对象公示',
        body: '经支部委员会研究、上级党委同意，拟确定下列同志为发展对象。',
        subjects: [{ personId: student.id, name: '周晓航' }],
        scopeUnitIds: [BRANCH],
        window: { start: '2027-10-15', length: 5, unit: 'workday' },
      }),
    );
    const published = expectOk(await emu.call(SECRETARY, 'notices.publish', { noticeId }));
    const end = published.window.end;
    // An objection during the window, investigated and not upheld: the notices module says it raises no bar.
    go('2027-10-18');
    const { objectionId } = expectOk(
      await emu.call('sport_full3', 'notices.object', { noticeId, text: '该同志参加活动不够积极', anonymous: false }),
    );
    go('2027-10-19');
    expectOk(
      await emu.call(SECRETARY, 'notices.handleObjection', {
        objectionId,
        investigation: '经核实，该同志按要求参加了支部活动',
        outcome: 'dismissed',
      }),
    );
    // A 公示 still running on the day of the step does not count; one that ended the day before does.
    go(end);
    await refused(
      SECRETARY,
      'pipeline.takeStep',
      step('determine_candidate', { voteId, approvalRef, noticeId }),
      'GATE_NOT_MET',
      'A7',
    );
    const dayAfter = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    go(dayAfter);
    const done = expectOk(
      await emu.call(
        SECRETARY,
        'pipeline.takeStep',
        step('determine_candidate', { voteId, approvalRef, noticeId }) as never,
      ),
    );
    expect(done.stage).toBe('development_candidate');
    expect(done.warnings.join()).toContain('未按期考察');
  });

  it('refuses an introducer who is probationary or under 留党察看 (A8)', async () => {
    await refused(
      SECRETARY,
      'pipeline.setIntroducers',
      { caseId, introducerIds: ['p_2022010103', 'p_2023010101'], on: current },
      'INTRODUCER_NOT_ELIGIBLE',
    );
    const today = current;
    const res = await refused(
      SECRETARY,
      'pipeline.setIntroducers',
      { caseId, introducerIds: ['p_2022010103', disciplined.id], on: today },
      'INTRODUCER_NOT_ELIGIBLE',
    );
    expect(!res.ok && res.error.message).toContain('留党察看');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setIntroducers', {
        caseId,
        introducerIds: ['p_2022010103', 'p_2022010105'],
        on: today,
      }),
    );
  });

  it('accepts, and a late approval needs a special case confirmed by a second officer (A17)', async () => {
    const today = current;
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordReview', {
        caseId,
        on: today,
        conclusion: 'qualified',
        summary: '合格',
      }),
    );
    await seedTraining(emu, student.id, [
      ['2027-10-26', 8],
      ['2027-10-27', 8],
      ['2027-10-28', 8],
    ]);
    go('2027-11-01');
    await preExamBothLevels(emu, caseId, '2027-11-01');
    expectOk(await emu.call('sport_officer', 'pipeline.takeStep', step('pre_examine') as never));
    const voteId = await passVote(emu, 'acceptance', student.id, '2027-11-20', { ruleVersion: '2026.05' });
    expectOk(
      await emu.call(
        SECRETARY,
        'pipeline.takeStep',
        step('branch_accept', { voteId, formIssuedOn: '2027-11-05' }) as never,
      ),
    );
    go('2028-02-19');
    expectOk(await emu.call('party_admin', 'pipeline.recordTalk', talk('before_approval', '2028-02-19') as never));
    go('2028-02-21');
    await refused('party_admin', 'pipeline.takeStep', step('approve_acceptance'), 'GATE_NOT_MET', 'A17');
    const asked = expectOk(
      await emu.call('sport_officer', 'pipeline.requestOverride', {
        caseId,
        rule: 'A17',
        reason: '党委会议因寒假顺延召开',
      }),
    );
    await refused(
      'sport_officer',
      'pipeline.confirmOverride',
      { overrideId: asked.overrideId },
      'OVERRIDE_SELF_CONFIRM',
    );
    expect(
      expectOk(await emu.call('party_admin', 'pipeline.confirmOverride', { overrideId: asked.overrideId })).state,
    ).toBe('confirmed');
    const approved = expectOk(await emu.call('party_admin', 'pipeline.takeStep', step('approve_acceptance') as never));
    expect(approved.stage).toBe('probationary_member');
    expect(approved.warnings.join()).toContain('特殊情况');
    // A18 (2026 第二十九条): the oath, a gate of conversion.
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordOath', {
        caseId,
        on: '2028-02-21',
        place: '学院党员活动室',
        leaderName: '何静',
      }),
    );
  });

  it('extends probation once by six months, then converts; standing counts from the extended end (A20, A22)', async () => {
    const ext = await passVote(emu, 'extension', student.id, '2028-11-20', {
      ruleVersion: '2026.05',
      extensionMonths: 6,
    });
    expectOk(
      await emu.call(
        SECRETARY,
        'pipeline.takeStep',
        step('extend_probation', { voteId: ext, extensionMonths: 6 }) as never,
      ),
    );
    // A20: the extension is final only when the committee approves it.
    await refused(SECRETARY, 'pipeline.takeStep', step('approve_extension'), 'NOT_COMMITTEE');
    const todo = expectOk(await emu.call('party_admin', 'pipeline.todo', { days: 30 }));
    expect(todo.find((t) => t.caseId === caseId)?.next).toMatchObject({ kind: 'approve_extension', due: null });
    expect(
      expectOk(await emu.call('party_admin', 'pipeline.takeStep', step('approve_extension') as never)).next,
    ).toMatchObject({ kind: 'branch_convert', due: '2029-05-20' });
    await refused(
      SECRETARY,
      'pipeline.takeStep',
      step('extend_probation', { extensionMonths: 6 }),
      'GATE_NOT_MET',
      'A20',
    );
    go('2029-05-19');
    expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', talk('before_conversion', '2029-05-19') as never));
    await refused(SECRETARY, 'pipeline.takeStep', step('branch_convert'), 'GATE_NOT_MET', 'A19');
    const conv = await passVote(emu, 'conversion', student.id, '2029-05-20', { ruleVersion: '2026.05' });
    expectOk(await emu.call(SECRETARY, 'pipeline.takeStep', step('branch_convert', { voteId: conv }) as never));
    go('2029-06-01');
    expectOk(await emu.call('party_admin', 'pipeline.takeStep', step('approve_conversion') as never));
    const view = expectOk(await emu.call(student.who, 'pipeline.mine', {})) as CaseView;
    expect(view).toMatchObject({ stage: 'full_member', ruleVersion: '2026.05', standingSince: '2029-05-20' });
    expect((await person()).statusHistory.at(-1)).toEqual({ status: 'full_member', since: '2029-05-20' });
  });
});
