/**
 * The activist file through the api function: opened by the home branch with its contacts (A5), ideological reports
 * written by the activist and reviewed by the contact, what officers record, and who may see it (S4): the activist,
 * the contact, the branch's officers and the party line's committees — never another branch, the League committee
 * outside the party line, or another student.
 */
import type { ActivistFileView, IdeologicalReportView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { DENG, FENG, footprint, HAN, HUANG, JIANG, openFile, refused, seedTraining, XIE } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock('2026-12-20T09:00:00+08:00');
});
afterAll(() => emu.close());

const REPORT_TEXT =
  '本季度我认真学习了党章和习近平新时代中国特色社会主义思想，参加了支部组织的理论学习和志愿服务活动，对党的性质和宗旨有了更深的认识，今后将继续端正入党动机，以党员标准严格要求自己。';

describe('opening a file for a development that began on paper, and naming its contacts on the case (A5)', () => {
  it('refuses the secretary of another branch', async () => {
    await refused(emu, 'info_pb_sec', 'activists.open', { personId: HUANG }, 'OUT_OF_SCOPE');
  });

  it('refuses a file for a League member who is not an activist', async () => {
    await refused(emu, 'sport_pb_sec', 'activists.open', { personId: JIANG }, 'NOT_IN_BRANCH');
  });

  it('carries 黄子豪’s case over at the activist stage and opens his file in one transaction, and refuses a second', async () => {
    const audit = await emu.server.db.collection('audit').count();
    const file = expectOk(await emu.call('sport_pb_sec', 'activists.open', { personId: HUANG }));
    expect(file.contacts).toEqual([]);
    expect(file.branchName).toBe('体育学院学生党支部');
    // The file's creation and the case carried over, each on the trail.
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 2);
    const c = expectOk(await emu.call('sport_pb_sec', 'pipeline.get', { caseId: `pc_${HUANG}` }));
    expect(c.stage).toBe('activist');
    await refused(emu, 'sport_pb_sec', 'activists.open', { personId: HUANG }, 'ACTIVIST_FILE_EXISTS');
  });

  it('refuses a probationary member as contact on the case, and writes nothing', async () => {
    await refused(
      emu,
      'sport_pb_sec',
      'pipeline.setContacts',
      { caseId: `pc_${HUANG}`, contactIds: [FENG], on: '2026-12-20' },
      'CONTACT_NOT_ELIGIBLE',
    );
  });

  it('refuses three contacts', async () => {
    await refused(
      emu,
      'sport_pb_sec',
      'pipeline.setContacts',
      { caseId: `pc_${HUANG}`, contactIds: [DENG, HAN, 'p_2022010104'], on: '2026-12-20' },
      'BAD_INPUT',
    );
  });

  it('names 邓凯 once, on the case, and the file shows him', async () => {
    expectOk(
      await emu.call('sport_pb_sec', 'pipeline.setContacts', {
        caseId: `pc_${HUANG}`,
        contactIds: [DENG],
        on: '2026-12-20',
      }),
    );
    const file = expectOk(await emu.call('sport_pb_sec', 'activists.file', { personId: HUANG }));
    expect(file.contacts).toEqual([{ personId: DENG, name: '邓凯' }]);
    const stored = await emu.server.db.collection('activist_files').findOne({ _id: `af_${HUANG}` });
    expect(stored).not.toHaveProperty('contactIds');
  });
});

describe('ideological reports', () => {
  let reportId: string;

  it('refuses a report from someone who is not an activist with a file, and writes nothing', async () => {
    await refused(
      emu,
      'sport_league1',
      'activists.submitReport',
      { title: '思想汇报', text: REPORT_TEXT },
      'NOT_AN_ACTIVIST',
    );
    // 谢天宇 is an activist, but his branch has not opened his file yet.
    await refused(
      emu,
      'bball_backbone',
      'activists.submitReport',
      { title: '思想汇报', text: REPORT_TEXT },
      'NOT_AN_ACTIVIST',
    );
  });

  it('refuses a report the content check finds risky', async () => {
    await refused(
      emu,
      'sport_lb_sec',
      'activists.submitReport',
      { title: '思想汇报', text: `${REPORT_TEXT}违禁词` },
      'CONTENT_REJECTED',
    );
  });

  it('takes the activist’s report, unreviewed, for this semester', async () => {
    const r = expectOk(
      await emu.call('sport_lb_sec', 'activists.submitReport', { title: '第四季度思想汇报', text: REPORT_TEXT }),
    );
    expect(r.term).toBe('2026-2027-1');
    expect(r.review).toBeNull();
    reportId = r.id;
  });

  it('refuses a review by a formal member who is not the contact, and by the branch secretary', async () => {
    await refused(emu, 'sport_full1', 'activists.reviewReport', { reportId, mark: 'good' }, 'NOT_THE_CONTACT');
    await refused(emu, 'sport_pb_sec', 'activists.reviewReport', { reportId, mark: 'good' }, 'NOT_THE_CONTACT');
    await refused(emu, 'sport_lb_sec', 'activists.reviewReport', { reportId, mark: 'excellent' }, 'NOT_THE_CONTACT');
  });

  it('records the contact’s mark and comment once', async () => {
    const r = expectOk<IdeologicalReportView>(
      await emu.as('sport_full3', 'activists.reviewReport', {
        reportId,
        mark: 'excellent',
        comment: '认识深刻，联系实际。',
      }),
    );
    expect(r.review).toMatchObject({ mark: 'excellent', markLabel: '优', comment: '认识深刻，联系实际。', by: '邓凯' });
    await refused(emu, 'sport_full3', 'activists.reviewReport', { reportId, mark: 'poor' }, 'REPORT_REVIEWED');
  });
});

describe('changing contacts (A5): the case names them, the file follows', () => {
  it('refuses another branch and a probationary contact, and hands the waiting report to the new contact', async () => {
    const set = (contactIds: string[]) => ({ caseId: `pc_${HUANG}`, contactIds, on: '2026-12-20' });
    await refused(emu, 'info_pb_sec', 'pipeline.setContacts', set([HAN]), 'OUT_OF_SCOPE');
    await refused(emu, 'sport_pb_sec', 'pipeline.setContacts', set([FENG]), 'CONTACT_NOT_ELIGIBLE');
    const r = expectOk(
      await emu.call('sport_lb_sec', 'activists.submitReport', { title: '第五次思想汇报', text: REPORT_TEXT }),
    );
    const audit = await emu.server.db.collection('audit').count();
    expectOk(await emu.call('sport_pb_sec', 'pipeline.setContacts', set([HAN])));
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 1);
    const f = expectOk(await emu.call('sport_pb_sec', 'activists.file', { personId: HUANG }));
    expect(f.contacts.map((c) => c.name)).toEqual(['韩冬']);
    await refused(emu, 'sport_full3', 'activists.reviewReport', { reportId: r.id, mark: 'good' }, 'NOT_THE_CONTACT');
    expectOk(await emu.call('sport_full1', 'activists.reviewReport', { reportId: r.id, mark: 'good' }));
    // Back to 邓凯 for the rest of the suite.
    expectOk(await emu.call('sport_pb_sec', 'pipeline.setContacts', set([DENG])));
  });
});

describe('what officers record', () => {
  const contribution = {
    personId: HUANG,
    title: '抗洪志愿服务',
    description: '带领志愿者连续三天参加防汛值守',
    evidence: ['cloud://local.bucket/evidence/flood.jpg'],
    points: 30,
  };

  it('refuses a branch committee member (no vote.manage) at the gate and another branch’s secretary in scope', async () => {
    await refused(emu, 'sport_pb_cm', 'activists.recordContribution', contribution, 'FORBIDDEN');
    await refused(emu, 'info_pb_sec', 'activists.recordContribution', contribution, 'OUT_OF_SCOPE');
    await refused(emu, 'info_pb_sec', 'activists.addNote', { personId: HUANG, text: '表现良好' }, 'OUT_OF_SCOPE');
    await refused(emu, 'league_admin', 'activists.addNote', { personId: HUANG, text: '表现良好' }, 'OUT_OF_SCOPE');
  });

  it('records a contribution with its evidence and a note', async () => {
    expectOk(await emu.call('sport_pb_sec', 'activists.recordContribution', { ...contribution, on: '2026-12-01' }));
    expectOk(
      await emu.call('sport_pb_sec', 'activists.addNote', { personId: HUANG, text: '组织观念强，需加强理论学习' }),
    );
  });
});

describe('who sees the file', () => {
  beforeAll(async () => {
    await seedTraining(emu, 'file1', HUANG, {
      title: '入党积极分子培训班',
      dates: ['2026-10-10', '2026-10-17', '2026-10-24'],
      present: 2,
      exam: { score: 85, total: 100, on: '2026-10-24' },
    });
  });

  it('shows the activist their file with attendance and exams from trainings, without officers’ notes', async () => {
    const f = expectOk<ActivistFileView>(await emu.as('sport_lb_sec', 'activists.file', { personId: HUANG }));
    expect(f.attendance).toEqual({ present: 2, onLeave: 0, absent: 1, hours: 4 });
    expect(f.exams).toEqual([
      { programId: 'tp_file1', title: '入党积极分子培训班', score: 85, total: 100, passed: true },
    ]);
    expect(f.reports).toHaveLength(2);
    expect(f.contributions[0]).toMatchObject({ title: '抗洪志愿服务', points: 30, evidence: contribution_evidence });
    expect(f.notes).toBeNull();
    expect(f.can).toEqual({ self: true, review: false, manage: false });
  });

  it.each([
    ['the contact', 'sport_full3'],
    ['the branch secretary', 'sport_pb_sec'],
    ['a branch committee member', 'sport_pb_cm'],
    ['the college officer', 'sport_officer'],
    ['the party committee', 'party_admin'],
    ['the school administrator', 'admin'],
  ])('shows it, with the notes, to %s', async (_who, persona) => {
    const f = expectOk<ActivistFileView>(await emu.as(persona, 'activists.file', { personId: HUANG }));
    expect(f.notes?.map((n) => n.text)).toEqual(['组织观念强，需加强理论学习']);
  });

  it.each([
    ['another branch’s secretary', 'info_pb_sec'],
    ['another college’s officer', 'info_officer'],
    ['the League committee, outside the party line', 'league_admin'],
    ['the federation', 'fed_chair'],
    ['a formal member who is not the contact', 'sport_full1'],
    ['another activist', 'bball_backbone'],
    ['another student', 'sport_league1'],
  ])('refuses %s', async (_who, persona) => {
    expect(errorCode(await emu.as(persona, 'activists.file', { personId: HUANG }))).toBe('OUT_OF_SCOPE');
  });

  it('shows whether the activist attended the college’s first lesson', async () => {
    expectOk(
      await emu.call('sport_officer', 'freshmen.setFirstLesson', { collegeId: 'u_sport', programId: 'tp_file1' }),
    );
    const f = expectOk(await emu.call('sport_lb_sec', 'activists.file', { personId: HUANG }));
    expect(f.firstLesson).toEqual({ programId: 'tp_file1', title: '入党积极分子培训班', attended: true });
  });

  it('lists the branch’s files for its officers and refuses another branch’s', async () => {
    const v = expectOk(
      await emu.call('sport_pb_cm', 'activists.branchFiles', { branchId: 'u_sport_pb', term: '2026-2027-1' }),
    );
    expect(v.files.map((f) => [f.name, f.reports])).toEqual([['黄子豪', 2]]);
    expect(
      errorCode(
        await emu.call('info_pb_sec', 'activists.branchFiles', { branchId: 'u_sport_pb', term: '2026-2027-1' }),
      ),
    ).toBe('OUT_OF_SCOPE');
    expect(
      errorCode(
        await emu.call('league_admin', 'activists.branchFiles', { branchId: 'u_sport_pb', term: '2026-2027-1' }),
      ),
    ).toBe('OUT_OF_SCOPE');
  });

  it('offers each reader the party branches in their party line, and none to the League committee', async () => {
    const names = async (who: string) => expectOk(await emu.call(who, 'activists.branches', {})).map((b) => b.name);
    expect(await names('sport_pb_cm')).toEqual(['体育学院学生党支部']);
    expect(await names('sport_officer')).toEqual(['体育学院学生党支部']);
    expect(await names('party_admin')).toEqual(['信息学院学生党支部', '体育学院学生党支部']);
    expect(await names('league_admin')).toEqual([]);
    expect(await names('advisor_bball')).toEqual([]);
  });

  it('keeps nothing of a refused read', async () => {
    const before = await footprint(emu);
    await emu.as('info_pb_sec', 'activists.file', { personId: XIE });
    expect(await footprint(emu)).toEqual(before);
  });
});

const contribution_evidence = ['cloud://local.bucket/evidence/flood.jpg'];

describe('the half-yearly assessments (A6), from the case, a temporary branch’s included (D6)', () => {
  beforeAll(async () => {
    await openFile(emu, XIE, [DENG]);
  });

  it('shows the home branch’s assessment and the temporary League branch’s activity record in the file', async () => {
    expectOk(
      await emu.call('sport_pb_sec', 'pipeline.recordAssessment', {
        personId: XIE,
        unitId: 'u_sport_pb',
        kind: 'assessment',
        on: '2026-12-18',
        content: '学习、工作和思想表现',
        opinion: '表现良好，继续培养',
      }),
    );
    // 黄子豪 is the secretary of 篮球协会's temporary League branch, of which 谢天宇 is a member.
    expectOk(
      await emu.call('sport_lb_sec', 'pipeline.recordAssessment', {
        personId: XIE,
        unitId: 'u_as_bball_tlb',
        kind: 'activity',
        on: '2026-12-19',
        content: '担任联赛裁判组志愿者',
        opinion: '工作认真负责',
      }),
    );
    const f = expectOk(await emu.call('sport_full3', 'activists.file', { personId: XIE }));
    expect(f.assessments.map((a) => [a.kind, a.on, a.fromTemporary])).toEqual([
      ['assessment', '2026-12-18', false],
      ['activity', '2026-12-19', true],
    ]);
    expect(f.assessments[1].text).toContain('工作认真负责');
    // The activist sees them too.
    const own = expectOk(await emu.call('bball_backbone', 'activists.file', { personId: XIE }));
    expect(own.assessments).toHaveLength(2);
  });

  it('counts each file’s assessments of the term in the branch list', async () => {
    const v = expectOk(
      await emu.call('sport_pb_sec', 'activists.branchFiles', { branchId: 'u_sport_pb', term: '2026-2027-1' }),
    );
    expect(v.files.map((f) => [f.name, f.assessments, f.lastAssessedOn])).toEqual([
      ['黄子豪', 0, null],
      ['谢天宇', 1, '2026-12-18'],
    ]);
  });
});
