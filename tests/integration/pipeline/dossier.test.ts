/**
 * The dossier (A23) through the api function with an injected clock: a League member's journey to activist — the
 * League's 推优, the talk, the activist 公示, the branch's vote, the contact, an assessment with its three
 * evaluations (S6) — read back in order with the resolution and the 公示, and printed as .docx forms that carry her
 * real name, dates and outcomes; who may read it and who may not; and the two-level pre-examination (S7) of a
 * development candidate, each level by its own committee, in order.
 */
import type { DossierFileView, DossierView } from '../../../typings/actions';
import { docxText } from '../../support/docx-text';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import {
  addStudent,
  at,
  BRANCH,
  COMMITTEE_MEMBER,
  footprint,
  passVote,
  SECRETARY,
  seedTuiyou,
  toCandidate,
} from './support';

let emu: TestEmulator;
let student: { id: string; who: string };
let caseId: string;
let noticeId: string;
let voteId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  at(emu, '2026-09-07');
  student = await addStudent(emu, '2026019911', { league: true, birthDate: '2006-02-14', name: '苏明远' });
});
afterAll(() => emu.close());

/** Refused with `code`, and nothing at all written (the pipeline's collections, the audit trail, the person). */
async function refused(who: string, action: string, input: unknown, code: string) {
  const before = await footprint(emu, student.id);
  const res = await emu.as(who, action, input);
  expect(errorCode(res)).toBe(code);
  expect(await footprint(emu, student.id)).toBe(before);
  return res;
}

async function download(file: DossierFileView): Promise<string> {
  const res = await fetch(encodeURI(file.url));
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  return docxText(bytes);
}

describe('the dossier of an activist', () => {
  it('records the journey: 推优, the talk, the 公示, the vote, the contact, an assessment with three evaluations', async () => {
    caseId = expectOk(
      await emu.call(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '我志愿加入中国共产党' }),
    ).caseId;
    await seedTuiyou(emu, student.id, 'activist', '2026-09-10');
    at(emu, '2026-09-15');
    expectOk(
      await emu.call(COMMITTEE_MEMBER, 'pipeline.recordTalk', {
        caseId,
        kind: 'application',
        on: '2026-09-15',
        topics: '入党动机、对党的认识',
        content: '苏明远谈了入党动机和参加志愿服务的体会',
        opinion: '入党动机端正，建议列为入党积极分子人选',
      }),
    );
    at(emu, '2026-09-16');
    noticeId = expectOk(
      await emu.call(SECRETARY, 'notices.create', {
        unitId: BRANCH,
        kind: 'activist',
        ruleVersion: '2014',
        title: '关于拟确定苏明远同志为入党积极分子的公示',
        body: '经团组织推优、支部研究，拟确定苏明远同志为入党积极分子，现予公示。',
        subjects: [{ personId: student.id, name: '苏明远' }],
        scopeUnitIds: [BRANCH],
        window: { start: '2026-09-17', length: 5, unit: 'workday' },
      }),
    ).noticeId;
    expectOk(await emu.call(SECRETARY, 'notices.publish', { noticeId }));
    // A member objects under his own name; the branch finds it unfounded.
    at(emu, '2026-09-18');
    const { objectionId } = expectOk(
      await emu.call('sport_full3', 'notices.object', {
        noticeId,
        text: '听说苏明远参加志愿服务的时长有虚报',
        anonymous: false,
      }),
    );
    at(emu, '2026-09-21');
    expectOk(
      await emu.call(SECRETARY, 'notices.handleObjection', {
        objectionId,
        investigation: '核对志愿服务记录，时长属实',
        outcome: 'dismissed',
      }),
    );
    voteId = await passVote(emu, 'activist_determination', student.id, '2026-10-12');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId,
        step: 'determine_activist',
        meetingRef: '支委会第12次会议记录',
        voteId,
        noticeId,
      }),
    );
    expectOk(
      await emu.call(SECRETARY, 'pipeline.setContacts', { caseId, contactIds: ['p_2022010103'], on: '2026-10-12' }),
    );
    at(emu, '2027-03-20');
    const assessment = {
      personId: student.id,
      unitId: BRANCH,
      kind: 'assessment' as const,
      on: '2027-03-20',
      content: '认真学习党章，按时提交思想汇报',
      opinion: '表现良好，继续培养',
      evaluations: {
        representatives: { result: 'good' as const, opinion: '师生代表一致认为学习刻苦、乐于助人' },
        democratic: { result: 'fair' as const, opinion: '班级民主评议赞成 28 人，共 30 人' },
        self: { result: 'good' as const, opinion: '对照党员标准查找了理论学习不够系统的不足' },
      },
    };
    // S6: the three evaluations go with an assessment, never with an activity record.
    await refused(SECRETARY, 'pipeline.recordAssessment', { ...assessment, kind: 'activity' }, 'BAD_INPUT');
    expectOk(await emu.call(SECRETARY, 'pipeline.recordAssessment', assessment));
  });

  it('reads every record in order with the resolution, the 公示 and the 推优, and names who evaluated', async () => {
    const d = expectOk(await emu.call(SECRETARY, 'pipeline.dossier', { caseId })) as DossierView;
    expect(d).toMatchObject({ personName: '苏明远', studentNo: '2026019911', stageLabel: '入党积极分子' });
    expect(d.entries.map((e) => [e.on, e.kind])).toEqual([
      ['2026-09-07', 'application'],
      ['2026-09-10', 'tuiyou'],
      ['2026-09-15', 'talk'],
      ['2026-10-12', 'step'],
      ['2026-10-12', 'contacts'],
      ['2027-03-20', 'assessment'],
    ]);
    const step = d.entries.find((e) => e.kind === 'step')!;
    expect(step.resolution).toMatchObject({ voteId, date: '2026-10-12', expected: 5, present: 5, yes: 5, no: 0 });
    expect(step.resolution?.outcomeLabel).toBe('通过');
    expect(step.publicity).toMatchObject({
      noticeId,
      title: '关于拟确定苏明远同志为入党积极分子的公示',
      subjects: ['苏明远'],
      start: '2026-09-17',
      end: '2026-09-22',
      stateLabel: '已结束',
      objections: 1,
      upheld: 0,
    });
    // The objection is counted, never attributed: its author is named nowhere in the dossier.
    expect(JSON.stringify(d)).not.toContain('邓凯');
    expect(JSON.stringify(d)).not.toContain('虚报');
    const assessment = d.entries.find((e) => e.kind === 'assessment')!;
    expect(assessment.evaluations.map((e) => [e.label, e.resultLabel])).toEqual([
      ['师生代表评议', '好'],
      ['所在单位民主评议', '较好'],
      ['个人自评', '好'],
    ]);
    expect(d.chain.evaluatedBy).toEqual(['马骁（体育学院学生党支部）']);
    expect(d.milestones.find((m) => m.label === '确定为入党积极分子')?.on).toBe('2026-10-12');
    expect(d.forms.every((f) => f.ready)).toBe(true);
    // The case page shows the same chain.
    const view = expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId }));
    expect(view.chain.evaluatedBy).toEqual(d.chain.evaluatedBy);
  });

  it('prints the talk records with her name, the talk’s day, who talked and what was said', async () => {
    const file = expectOk(await emu.call(student.who, 'pipeline.dossierForm', { caseId, form: 'talks' }));
    expect(file.fileID).toMatch(/^cloud:\/\/.+\.docx$/);
    expect(file.fileName).toMatch(/^谈话记录-苏明远-\d{14}\.docx$/);
    const text = await download(file);
    expect(text).toContain('发展党员谈话记录');
    expect(text).toContain('递交申请后谈话（2026年9月15日）');
    expect(text).toContain('苏明远谈了入党动机和参加志愿服务的体会');
    expect(text).toContain('入党动机端正，建议列为入党积极分子人选');
    expect(text).toMatch(/谈话人\n何静（体育学院学生党支部）/);
  });

  it('prints the branch’s resolution from the vote’s stored counts (F4)', async () => {
    const text = await download(
      expectOk(await emu.call(SECRETARY, 'pipeline.dossierForm', { caseId, form: 'resolution' })),
    );
    expect(text).toContain('于2026年10月12日召开会议');
    expect(text).toContain('应到有表决权的党员5名，实到5名');
    expect(text).toContain('苏明远同志得赞成票5票、反对票0票、弃权票0票，表决结果：通过。');
    expect(text).toContain('决议：同意确定为入党积极分子。');
    expect(text).toContain('支委会第12次会议记录');
  });

  it('prints the 公示 text with its window and outcome, the 推优表 and the 考察表 with the three evaluations', async () => {
    const publicity = await download(
      expectOk(await emu.call('sport_officer', 'pipeline.dossierForm', { caseId, form: 'publicity' })),
    );
    expect(publicity).toContain('经团组织推优、支部研究，拟确定苏明远同志为入党积极分子，现予公示。');
    expect(publicity).toContain('2026年9月17日至2026年9月22日');
    expect(publicity).toContain('异议\n1件，其中成立0件');
    expect(publicity).not.toContain('邓凯');
    const tuiyou = await download(
      expectOk(await emu.call(SECRETARY, 'pipeline.dossierForm', { caseId, form: 'tuiyou' })),
    );
    expect(tuiyou).toContain('2006年2月14日');
    expect(tuiyou).toContain('2026年9月10日');
    expect(tuiyou).toContain('团组织推优');
    const assessment = await download(
      expectOk(await emu.call('party_admin', 'pipeline.dossierForm', { caseId, form: 'assessment' })),
    );
    expect(assessment).toContain('入党积极分子、发展对象培养考察登记表');
    expect(assessment).toContain('考察（2027年3月20日）');
    expect(assessment).toContain('所在单位民主评议\n较好\n班级民主评议赞成 28 人，共 30 人');
    expect(assessment).toContain('培养联系人\n韩冬');
  });

  it('is read by the person, the branch and the party-line committees; a contact, another branch and the League committee are refused', async () => {
    for (const who of [student.who, SECRETARY, COMMITTEE_MEMBER, 'sport_officer', 'party_admin', 'admin']) {
      expect(expectOk(await emu.call(who, 'pipeline.dossier', { caseId })).caseId).toBe(caseId);
    }
    // 韩冬 is her cultivation contact: he sees the case page, not the forms.
    expectOk(await emu.call('sport_full1', 'pipeline.get', { caseId }));
    await refused('sport_full1', 'pipeline.dossier', { caseId }, 'NOT_BRANCH_OFFICER');
    await refused('sport_full1', 'pipeline.dossierForm', { caseId, form: 'talks' }, 'NOT_BRANCH_OFFICER');
    for (const who of ['info_pb_sec', 'league_admin', 'info_officer', 'sport_full2', 'sport_masses']) {
      await refused(who, 'pipeline.dossier', { caseId }, 'OUT_OF_SCOPE');
      await refused(who, 'pipeline.dossierForm', { caseId, form: 'resolution' }, 'OUT_OF_SCOPE');
    }
    await refused(SECRETARY, 'pipeline.dossier', { caseId: 'pc_p_nobody' }, 'OUT_OF_SCOPE');
  });

  it('reads in a few round trips whatever the number of records: the case, then one batch per kind of evidence', async () => {
    const rich = await emu.invoke('pipeline.dossier', { caseId }, SECRETARY);
    const form = await emu.invoke('pipeline.dossierForm', { caseId, form: 'resolution' }, SECRETARY);
    expect((rich.body as { ok: boolean }).ok).toBe(true);
    // The caller; the case; its records, the person, the League branch's votes; their decisions and the votes in
    // full; the linked votes, their results, the 公示 and their objections. The form adds the file's upload and link,
    // two storage calls, no database round trip.
    expect(rich.roundTrips).toBeLessThanOrEqual(11);
    expect(form.roundTrips).toBeLessThanOrEqual(rich.roundTrips);
    expect(form.storageCalls).toBe(2);
  });

  it('a form the dossier has nothing for is refused, naming what is missing', async () => {
    at(emu, '2027-03-21');
    const other = await addStudent(emu, '2026019912', { name: '顾青' });
    const otherCase = expectOk(
      await emu.call(other.who, 'pipeline.apply', { branchId: BRANCH, statement: '我志愿加入中国共产党' }),
    ).caseId;
    const d = expectOk(await emu.call(SECRETARY, 'pipeline.dossier', { caseId: otherCase }));
    expect(d.forms.find((f) => f.form === 'resolution')).toMatchObject({ ready: false, missing: '尚无支部表决结果' });
    const res = await refused(
      SECRETARY,
      'pipeline.dossierForm',
      { caseId: otherCase, form: 'resolution' },
      'DOSSIER_FORM_EMPTY',
    );
    expect(!res.ok && res.error.message).toBe('尚无支部表决结果');
  });
});

describe('the two-level pre-examination (S7)', () => {
  let candidate: { id: string; who: string };
  let candidateCase: string;
  const exam = (level: 'college' | 'school', conclusion: 'passed' | 'returned', on: string) => ({
    caseId: candidateCase,
    level,
    on,
    conclusion,
    opinion: conclusion === 'passed' ? '材料齐全，同意' : '请补充政治审查函调材料',
  });

  beforeAll(async () => {
    at(emu, '2027-04-01');
    candidate = await addStudent(emu, '2026019913', { name: '唐宁' });
    candidateCase = expectOk(
      await emu.call(candidate.who, 'pipeline.apply', { branchId: BRANCH, statement: '我志愿加入中国共产党' }),
    ).caseId;
  });

  it('is refused before the person is a development candidate', async () => {
    await refused(
      'sport_officer',
      'pipeline.recordPreExam',
      exam('college', 'passed', '2027-04-01'),
      'STEP_OUT_OF_ORDER',
    );
  });

  it('goes college first, then school, each by its own committee, and shows on the chain and the 考察表', async () => {
    const day = await toCandidate(emu, candidateCase, candidate.id, '2027-04-01');
    await refused('party_admin', 'pipeline.recordPreExam', exam('school', 'passed', day), 'STEP_OUT_OF_ORDER');
    await refused(SECRETARY, 'pipeline.recordPreExam', exam('college', 'passed', day), 'NOT_COMMITTEE');
    await refused('party_admin', 'pipeline.recordPreExam', exam('college', 'passed', day), 'NOT_COMMITTEE');
    await refused('info_officer', 'pipeline.recordPreExam', exam('college', 'passed', day), 'OUT_OF_SCOPE');
    expectOk(await emu.call('sport_officer', 'pipeline.recordPreExam', exam('college', 'returned', day)));
    await refused('party_admin', 'pipeline.recordPreExam', exam('school', 'passed', day), 'STEP_OUT_OF_ORDER');
    // A level that returned the case bars the committee's conclusion until it passes the case (S7).
    const returned = await refused(
      'sport_officer',
      'pipeline.takeStep',
      { caseId: candidateCase, step: 'pre_examine', meetingRef: '预审意见书' },
      'GATE_NOT_MET',
    );
    expect(!returned.ok && returned.error.fields).toMatchObject({
      rule: 'S7',
      missing: '学院党委（党总支）预审结论为「退回补充」，须补充材料后经该级预审通过',
    });
    expectOk(await emu.call('sport_officer', 'pipeline.recordPreExam', exam('college', 'passed', day)));
    await refused('sport_officer', 'pipeline.recordPreExam', exam('school', 'passed', day), 'NOT_COMMITTEE');
    expectOk(await emu.call('party_admin', 'pipeline.recordPreExam', exam('school', 'passed', day)));
    await refused('party_admin', 'pipeline.recordPreExam', exam('school', 'passed', day), 'STEP_OUT_OF_ORDER');

    const view = expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId: candidateCase }));
    expect(view.chain.preExaminedBy).toEqual(['陈志强（学院）', '李红梅（学校）']);
    const d = expectOk(await emu.call(SECRETARY, 'pipeline.dossier', { caseId: candidateCase }));
    expect(d.entries.filter((e) => e.kind === 'pre_exam').map((e) => e.title)).toEqual([
      '学院党委（党总支）预审：退回补充',
      '学院党委（党总支）预审：预审通过',
      '学校党委组织部预审：预审通过',
    ]);
    const text = await download(
      expectOk(await emu.call(SECRETARY, 'pipeline.dossierForm', { caseId: candidateCase, form: 'assessment' })),
    );
    expect(text).toContain('学校党委组织部预审：预审通过');
    expect(text).toContain('请补充政治审查函调材料');
    // The committee's written conclusion (A11) is still the step that follows.
    expectOk(
      await emu.call('sport_officer', 'pipeline.takeStep', {
        caseId: candidateCase,
        step: 'pre_examine',
        meetingRef: '预审意见书',
      }),
    );
    await refused('sport_officer', 'pipeline.recordPreExam', exam('college', 'passed', day), 'STEP_OUT_OF_ORDER');
  });
});
