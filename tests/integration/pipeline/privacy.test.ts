/**
 * Who sees and acts on a case, proved in and out of scope through the api (the permission table lists these actions
 * in provedInDomainSuite): the person, the home branch's officers, the cultivation contacts and the committees in the
 * party line are in; the League committee, another branch or college, a temporary branch and other students are out,
 * and a refused call writes nothing. Also: the age at application (A1), the birth date entered once, the overdue list
 * and to-do, and a special case of training (A10) confirmed by a second officer.
 */
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
} from './support';

let emu: TestEmulator;
let student: { id: string; who: string };
let caseId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  at(emu, '2026-09-07');
  student = await addStudent(emu, '2026019911', { name: '陈思远' });
  caseId = expectOk(
    await emu.call(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
  ).caseId;
});
afterAll(() => emu.close());

async function refused(who: string, action: string, input: unknown, code: string) {
  const before = await footprint(emu, student.id);
  const res = await emu.as(who, action, input);
  expect([action, who, errorCode(res)]).toEqual([action, who, code]);
  expect(await footprint(emu, student.id)).toBe(before);
  return res;
}

describe('A1: the applicant is 18 on the day, and the birth date is entered once', () => {
  it('refuses an applicant under 18 and writes nothing', async () => {
    const young = await addStudent(emu, '2026019912', { birthDate: '2008-09-08' });
    const before = await footprint(emu, young.id);
    const res = await emu.call(young.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' });
    expect(errorCode(res)).toBe('GATE_NOT_MET');
    expect(!res.ok && res.error.fields).toMatchObject({ rule: 'A1' });
    expect(await footprint(emu, young.id)).toBe(before);
  });

  it('asks for a birth date when none is recorded, keeps the one given, and never changes it', async () => {
    const unknown = await addStudent(emu, '2026019913', { birthDate: null });
    const res = await emu.call(unknown.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' });
    expect(!res.ok && res.error.fields?.missing).toContain('出生日期');
    const known = await addStudent(emu, '2026019914', { birthDate: '2006-01-01' });
    expect(
      errorCode(
        await emu.call(known.who, 'pipeline.apply', {
          branchId: BRANCH,
          statement: '入党申请书',
          birthDate: '2006-01-02',
        }),
      ),
    ).toBe('BIRTH_DATE_FIXED');
    expectOk(
      await emu.call(unknown.who, 'pipeline.apply', {
        branchId: BRANCH,
        statement: '入党申请书',
        birthDate: '2006-02-03',
      }),
    );
    const stored = (await emu.server.db.collection('people').findOne({ _id: unknown.id })) as unknown as Person;
    expect(stored.birthDate).toBe('2006-02-03');
  });
});

describe('the birth date given at binding', () => {
  it('is kept at approval and read by the application', async () => {
    const { bindingId } = expectOk(
      await emu.call('openid:o-pipeline-new', 'bindings.submit', {
        name: '宋知远',
        studentNo: '2026019920',
        collegeId: 'u_sport',
        birthDate: '2006-03-03',
      }),
    );
    expectOk(await emu.call('sport_officer', 'bindings.decide', { bindingId, approve: true }));
    const stored = (await emu.server.db.collection('people').findOne({ _id: 'p_2026019920' })) as unknown as Person;
    expect(stored.birthDate).toBe('2006-03-03');
    const view = expectOk(
      await emu.call('openid:o-pipeline-new', 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
    );
    expect(view.stage).toBe('applicant');
  });
});

describe('a case is seen by the person, the home branch, the contacts and the party line only', () => {
  it('shows the case to those in scope, in at most 3 round trips', async () => {
    for (const who of [student.who, SECRETARY, COMMITTEE_MEMBER, 'sport_officer', 'party_admin', 'admin']) {
      const r = await emu.invoke('pipeline.get', { caseId }, who);
      expect([who, (r.body as { ok: boolean }).ok]).toEqual([who, true]);
      expect(r.roundTrips).toBeLessThanOrEqual(3);
    }
  });

  it('answers a case that does not exist exactly as one the caller may not see', async () => {
    await refused('league_admin', 'pipeline.get', { caseId: 'pc_p_2099999999' }, 'OUT_OF_SCOPE');
    await refused('sport_league1', 'pipeline.get', { caseId }, 'OUT_OF_SCOPE');
  });

  it('refuses the League committee, another branch or college, a temporary branch and other students', async () => {
    for (const who of [
      'league_admin',
      'info_pb_sec',
      'info_officer',
      'sport_full2',
      'fed_chair',
      'sport_league1',
      'bball_pres',
    ]) {
      await refused(who, 'pipeline.get', { caseId }, 'OUT_OF_SCOPE');
      await refused(who, 'pipeline.list', { branchId: BRANCH }, 'OUT_OF_SCOPE');
    }
  });

  it('refuses every write from outside the case, and writes nothing', async () => {
    const talk = { caseId, kind: 'application', on: '2026-09-07', topics: '提纲', content: '内容', opinion: '意见' };
    await refused('info_pb_sec', 'pipeline.recordTalk', talk, 'OUT_OF_SCOPE');
    await refused('league_admin', 'pipeline.recordTalk', talk, 'OUT_OF_SCOPE');
    await refused(
      'league_admin',
      'pipeline.setContacts',
      { caseId, contactIds: ['p_2022010103'], on: '2026-09-07' },
      'OUT_OF_SCOPE',
    );
    await refused(
      'info_officer',
      'pipeline.setIntroducers',
      { caseId, introducerIds: ['p_2022010103', 'p_2022010105'], on: '2026-09-07' },
      'OUT_OF_SCOPE',
    );
    await refused(
      'info_pb_sec',
      'pipeline.recordRecommendation',
      { caseId, on: '2026-09-07', recommenderIds: ['p_2022010103'], content: '推荐' },
      'OUT_OF_SCOPE',
    );
    await refused(
      'league_admin',
      'pipeline.recordReview',
      { caseId, on: '2026-09-07', conclusion: 'qualified', summary: '合格' },
      'OUT_OF_SCOPE',
    );
    await refused(
      'league_admin',
      'pipeline.takeStep',
      { caseId, step: 'determine_activist', meetingRef: '记录' },
      'OUT_OF_SCOPE',
    );
    await refused(
      'info_officer',
      'pipeline.requestOverride',
      { caseId, rule: 'A10', reason: '特殊情况说明' },
      'OUT_OF_SCOPE',
    );
    const assess = { personId: student.id, kind: 'assessment', on: '2026-09-07', content: '考察', opinion: '合格' };
    // Another branch's secretary cannot write into the home branch's case, nor send from a temporary branch the
    // student is not in.
    await refused('info_pb_sec', 'pipeline.recordAssessment', { ...assess, unitId: BRANCH }, 'NOT_BRANCH_OFFICER');
    await refused(
      'info_pb_sec',
      'pipeline.recordAssessment',
      { ...assess, unitId: 'u_as_robot_tpb' },
      'NOT_TEMP_BRANCH_MEMBER',
    );
    await refused('info_pb_sec', 'pipeline.recordAssessment', { ...assess, unitId: 'u_info_pb' }, 'OUT_OF_SCOPE');
    // The student records nothing on their own case.
    await refused(student.who, 'pipeline.recordTalk', talk, 'NOT_BRANCH_OFFICER');
  });

  it('lets only the party committee or the school set the version for new cases', async () => {
    await refused('league_admin', 'pipeline.setRuleVersion', { ruleVersion: '2014' }, 'OUT_OF_SCOPE');
    expectOk(await emu.call('admin', 'pipeline.setRuleVersion', { ruleVersion: '2014' }));
  });
});

describe('the branch list and the to-do list', () => {
  it('lists an overdue talk as overdue, for the branch and on the officers’ to-do, in at most 3 round trips', async () => {
    at(emu, '2026-10-08');
    const r = await emu.invoke('pipeline.list', { branchId: BRANCH, overdue: true }, SECRETARY);
    expect(r.roundTrips).toBeLessThanOrEqual(3);
    const page = (r.body as { data: { items: { caseId: string; next: { overdue: boolean; kind: string } }[] } }).data;
    const mine = page.items.find((c) => c.caseId === caseId);
    expect(mine?.next).toMatchObject({ kind: 'application_talk', overdue: true });
    const applicants = expectOk(
      await emu.call('sport_officer', 'pipeline.list', { branchId: BRANCH, stage: 'activist' }),
    );
    expect(applicants.items.some((c) => c.caseId === caseId)).toBe(false);
    const todo = expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.todo', {}));
    expect(todo.find((t) => t.caseId === caseId)).toMatchObject({ role: 'officer', next: { overdue: true } });
    expect(expectOk(await emu.call('league_admin', 'pipeline.todo', {})).some((t) => t.caseId === caseId)).toBe(false);
  });
});

describe('A10: a special case of training needs a reason and a second officer', () => {
  it('lets the pre-examination pass without 24 学时 only after a second officer confirms', async () => {
    at(emu, '2026-10-08');
    // The first student's month for the talk ended yesterday: a talk back-dated into it is refused.
    await refused(
      COMMITTEE_MEMBER,
      'pipeline.recordTalk',
      { caseId, kind: 'application', on: '2026-10-05', topics: '提纲', content: '内容', opinion: '意见' },
      'RECORD_BACKDATED',
    );
    // Another student, through the steps to 发展对象 (the gates themselves are proved in the journeys).
    const other = await addStudent(emu, '2026019915', { name: '黄一鸣' });
    const caseId2 = expectOk(
      await emu.call(other.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
    ).caseId;
    expectOk(
      await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', {
        caseId: caseId2,
        kind: 'application',
        on: '2026-10-08',
        topics: '提纲',
        content: '内容',
        opinion: '意见',
      }),
    );
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
        caseId: caseId2,
        on: '2026-10-08',
        recommenderIds: ['p_2022010103'],
        content: '推荐',
      }),
    );
    const v1 = await passVote(emu, 'activist_determination', other.id, '2026-10-12');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: caseId2,
        step: 'determine_activist',
        meetingRef: '记录',
        voteId: v1,
      }),
    );
    at(emu, '2026-10-12');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setContacts', {
        caseId: caseId2,
        contactIds: ['p_2022010103'],
        on: '2026-10-12',
      }),
    );
    // The contact now sees this case (and still not the first student's).
    expect(expectOk(await emu.call('sport_full1', 'pipeline.get', { caseId: caseId2 })).stage).toBe('activist');
    expect(errorCode(await emu.call('sport_full1', 'pipeline.get', { caseId }))).toBe('OUT_OF_SCOPE');
    for (const day of ['2027-03-01', '2027-10-01']) {
      at(emu, day);
      expectOk(
        await emu.call(SECRETARY, 'pipeline.recordAssessment', {
          personId: other.id,
          unitId: BRANCH,
          kind: 'assessment',
          on: day,
          content: '考察',
          opinion: '合格',
        }),
      );
    }
    at(emu, '2027-10-12');
    expectOk(
      await emu.call('sport_full1', 'pipeline.recordTalk', {
        caseId: caseId2,
        kind: 'before_candidate',
        on: '2027-10-12',
        topics: '提纲',
        content: '内容',
        opinion: '意见',
      }),
    );
    const v2 = await passVote(emu, 'development_candidate_determination', other.id, '2027-10-12');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: caseId2,
        step: 'determine_candidate',
        meetingRef: '记录',
        voteId: v2,
      }),
    );
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setIntroducers', {
        caseId: caseId2,
        introducerIds: ['p_2022010103', 'p_2022010105'],
        on: '2027-10-12',
      }),
    );
    expectOk(
      await emu.call(SECRETARY, 'pipeline.recordReview', {
        caseId: caseId2,
        on: '2027-10-12',
        conclusion: 'qualified',
        summary: '合格',
      }),
    );
    await seedTraining(emu, other.id, [['2027-10-13', 16]]);
    at(emu, '2027-10-20');
    const preExam = { caseId: caseId2, step: 'pre_examine', meetingRef: '预审记录' };
    await refused('sport_officer', 'pipeline.takeStep', preExam, 'GATE_NOT_MET');
    await refused(SECRETARY, 'pipeline.requestOverride', { caseId: caseId2, rule: 'A10', reason: '短' }, 'BAD_INPUT');
    const asked = expectOk(
      await emu.call(SECRETARY, 'pipeline.requestOverride', {
        caseId: caseId2,
        rule: 'A10',
        reason: '参加全省集中培训，学时另行认定',
      }),
    );
    // Asked but not confirmed: still refused.
    await refused('sport_officer', 'pipeline.takeStep', preExam, 'GATE_NOT_MET');
    await refused(SECRETARY, 'pipeline.confirmOverride', { overrideId: asked.overrideId }, 'OVERRIDE_SELF_CONFIRM');
    await refused('league_admin', 'pipeline.confirmOverride', { overrideId: asked.overrideId }, 'OUT_OF_SCOPE');
    const auditBefore = await emu.server.db.collection('audit').count();
    expectOk(await emu.call(COMMITTEE_MEMBER, 'pipeline.confirmOverride', { overrideId: asked.overrideId }));
    expect(await emu.server.db.collection('audit').count()).toBeGreaterThan(auditBefore);
    await refused(
      COMMITTEE_MEMBER,
      'pipeline.confirmOverride',
      { overrideId: asked.overrideId },
      'OVERRIDE_NOT_PENDING',
    );
    await preExamBothLevels(emu, caseId2, '2027-10-20');
    const done = expectOk(await emu.call('sport_officer', 'pipeline.takeStep', preExam as never));
    expect(done.warnings.join()).toContain('特殊情况');
  });
});
