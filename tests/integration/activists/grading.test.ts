/**
 * The semester grade through the api function (S4): the branch's weights (adding up to 100, audited), the computed
 * grades with the branch's 优秀 quota, the committee's decision beside them, and one appeal answered on record.
 */
import type { BranchFilesView, SemesterGradeView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { DENG, HUANG, openFile, refused, XIE } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock('2026-12-20T09:00:00+08:00');
  // Both activists of 体育学院学生党支部 get a file with 邓凯 as contact.
  for (const personId of [HUANG, XIE]) await openFile(emu, personId, [DENG]);
});
afterAll(() => emu.close());

const TERM = '2026-2027-1';
const TEXT =
  '通过本阶段的学习，我进一步认识到中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队，我将以实际行动争取早日加入党组织。';

const settings = (over: Record<string, unknown> = {}) => ({
  branchId: 'u_sport_pb',
  weights: { attendance: 20, reports: 40, exams: 20, contributions: 20 },
  excellentShare: 50,
  reportsExpected: 2,
  bands: { excellent: 90, good: 80, pass: 60 },
  ...over,
});

async function reportReviewed(who: string, mark: 'excellent' | 'good'): Promise<void> {
  const r = expectOk(await emu.call(who, 'activists.submitReport', { title: '思想汇报', text: TEXT }));
  expectOk(await emu.call('sport_full3', 'activists.reviewReport', { reportId: r.id, mark }));
}

describe('the branch’s weights', () => {
  it('refuses weights adding up to 110, and writes nothing', async () => {
    const res = await refused(
      emu,
      'sport_pb_sec',
      'activists.setGradingSettings',
      settings({ weights: { attendance: 30, reports: 40, exams: 20, contributions: 20 } }),
      'WEIGHTS_NOT_100',
    );
    expect(res.ok ? '' : res.error.message).toContain('110');
  });

  it('refuses weights adding up to 99', async () => {
    await refused(
      emu,
      'sport_pb_sec',
      'activists.setGradingSettings',
      settings({ weights: { attendance: 20, reports: 39, exams: 20, contributions: 20 } }),
      'WEIGHTS_NOT_100',
    );
  });

  it('refuses the League committee and another branch’s secretary, setting or reading', async () => {
    await refused(emu, 'league_admin', 'activists.setGradingSettings', settings(), 'OUT_OF_SCOPE');
    await refused(emu, 'info_pb_sec', 'activists.setGradingSettings', settings(), 'OUT_OF_SCOPE');
    await refused(emu, 'info_pb_sec', 'activists.gradingSettings', { branchId: 'u_sport_pb' }, 'OUT_OF_SCOPE');
    await refused(emu, 'league_admin', 'activists.gradingSettings', { branchId: 'u_sport_pb' }, 'OUT_OF_SCOPE');
  });

  it('shows the defaults until the branch sets its own, then its own, audited', async () => {
    const before = expectOk(await emu.call('sport_pb_cm', 'activists.gradingSettings', { branchId: 'u_sport_pb' }));
    expect(before).toMatchObject({ own: false, excellentShare: null });
    const audit = await emu.server.db.collection('audit').count();
    expectOk(await emu.call('sport_pb_sec', 'activists.setGradingSettings', settings()));
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 1);
    const after = expectOk(await emu.call('sport_pb_cm', 'activists.gradingSettings', { branchId: 'u_sport_pb' }));
    expect(after).toMatchObject({ own: true, excellentShare: 50, weights: settings().weights });
  });
});

describe('the computed grade, with one 优秀 in two', () => {
  let sheet: BranchFilesView;
  const gradeOf = (personId: string) => sheet.files.find((f) => f.personId === personId)!.grade!;

  beforeAll(async () => {
    // 黄子豪: two reports marked 优 (100) and contributions worth 100 → (40×100 + 20×100) / 60 = 100.
    await reportReviewed('sport_lb_sec', 'excellent');
    await reportReviewed('sport_lb_sec', 'excellent');
    expectOk(
      await emu.call('sport_pb_sec', 'activists.recordContribution', {
        personId: HUANG,
        title: '组织迎新志愿服务',
        description: '策划并组织全院迎新志愿服务',
        evidence: ['cloud://local.bucket/evidence/a.jpg'],
        points: 100,
        on: '2026-09-05',
      }),
    );
    // 谢天宇: reports 优 and 良 (92.5) and contributions worth 95 → (40×92.5 + 20×95) / 60 = 93.3.
    await reportReviewed('bball_backbone', 'excellent');
    await reportReviewed('bball_backbone', 'good');
    expectOk(
      await emu.call('sport_pb_sec', 'activists.recordContribution', {
        personId: XIE,
        title: '篮球联赛裁判组',
        description: '担任校联赛裁判组组长',
        evidence: ['cloud://local.bucket/evidence/b.jpg'],
        points: 95,
        on: '2026-11-05',
      }),
    );
  });

  it('refuses another branch’s secretary', async () => {
    await refused(
      emu,
      'info_pb_sec',
      'activists.computeGrades',
      { branchId: 'u_sport_pb', term: TERM },
      'OUT_OF_SCOPE',
    );
  });

  it('refuses a term that has not begun', async () => {
    await refused(
      emu,
      'sport_pb_sec',
      'activists.computeGrades',
      { branchId: 'u_sport_pb', term: '2026-2027-2' },
      'TERM_INVALID',
    );
  });

  it('leaves out what was not offered and keeps the higher of two 优秀 scores within the quota', async () => {
    sheet = expectOk(await emu.call('sport_pb_sec', 'activists.computeGrades', { branchId: 'u_sport_pb', term: TERM }));
    expect(sheet).toMatchObject({ graded: 2, excellentLimit: 1, excellentDecided: 0 });
    expect(gradeOf(HUANG)).toMatchObject({ score: 100, computed: 'excellent', decision: null });
    expect(gradeOf(HUANG).components.map((c) => c.score)).toEqual([null, 100, null, 100]);
    // 93.3 reaches the 优秀 line, but one in two may be 优秀: 良好.
    expect(gradeOf(XIE)).toMatchObject({ score: 93.3, computed: 'good', computedLabel: '良好' });
  });

  it('computes again while nothing is decided', async () => {
    sheet = expectOk(await emu.call('sport_pb_sec', 'activists.computeGrades', { branchId: 'u_sport_pb', term: TERM }));
    expect(sheet.graded).toBe(2);
  });

  describe('the committee’s decision', () => {
    it('needs a reason to differ from the computed grade, and writes nothing without one', async () => {
      await refused(
        emu,
        'sport_pb_sec',
        'activists.decideGrade',
        { gradeId: gradeOf(XIE).id, grade: 'excellent' },
        'GRADE_REASON_REQUIRED',
      );
    });

    it('records 优秀 for 黄子豪 beside the computed grade, audited', async () => {
      const audit = await emu.server.db.collection('audit').count();
      const g = expectOk(
        await emu.call('sport_pb_sec', 'activists.decideGrade', { gradeId: gradeOf(HUANG).id, grade: 'excellent' }),
      );
      expect(g).toMatchObject({ computed: 'excellent', decision: { grade: 'excellent', label: '优秀' } });
      expect(await emu.server.db.collection('audit').count()).toBe(audit + 1);
    });

    it('refuses a second 优秀 over the quota of one, even with a reason, and writes nothing', async () => {
      await refused(
        emu,
        'sport_pb_sec',
        'activists.decideGrade',
        { gradeId: gradeOf(XIE).id, grade: 'excellent', reason: '联赛组织工作突出' },
        'GRADE_QUOTA_EXCEEDED',
      );
    });

    it('refuses computing again once the committee has decided', async () => {
      await refused(
        emu,
        'sport_pb_sec',
        'activists.computeGrades',
        { branchId: 'u_sport_pb', term: TERM },
        'GRADES_DECIDED',
      );
    });

    it('refuses the League committee deciding a party branch’s grade', async () => {
      await refused(
        emu,
        'league_admin',
        'activists.decideGrade',
        { gradeId: gradeOf(XIE).id, grade: 'good' },
        'OUT_OF_SCOPE',
      );
    });
  });

  describe('the appeal', () => {
    it('is not open before the committee has decided', async () => {
      await refused(
        emu,
        'bball_backbone',
        'activists.appeal',
        { gradeId: gradeOf(XIE).id, reason: '联赛工作未计入' },
        'GRADE_NOT_DECIDED',
      );
    });

    it('is refused from someone else than the activist, and writes nothing', async () => {
      expectOk(await emu.call('sport_pb_sec', 'activists.decideGrade', { gradeId: gradeOf(XIE).id, grade: 'good' }));
      await refused(
        emu,
        'sport_lb_sec',
        'activists.appeal',
        { gradeId: gradeOf(XIE).id, reason: '替他申诉' },
        'NOT_YOUR_GRADE',
      );
      await refused(
        emu,
        'sport_pb_sec',
        'activists.appeal',
        { gradeId: gradeOf(XIE).id, reason: '替他申诉' },
        'NOT_YOUR_GRADE',
      );
    });

    it('is taken once, with its reason, and refused the second time without writing', async () => {
      const g = expectOk<SemesterGradeView>(
        await emu.as('bball_backbone', 'activists.appeal', {
          gradeId: gradeOf(XIE).id,
          reason: '联赛裁判工作量大，请求复核',
        }),
      );
      expect(g.appeal).toMatchObject({ reason: '联赛裁判工作量大，请求复核', answer: null });
      expect(g.mayAppeal).toBe(false);
      await refused(
        emu,
        'bball_backbone',
        'activists.appeal',
        { gradeId: gradeOf(XIE).id, reason: '再次申诉' },
        'APPEAL_EXISTS',
      );
    });

    it('keeps the decision away from a plain re-decision while the appeal waits', async () => {
      await refused(
        emu,
        'sport_pb_sec',
        'activists.decideGrade',
        { gradeId: gradeOf(XIE).id, grade: 'pass', reason: '复核' },
        'APPEAL_EXISTS',
      );
    });

    it('refuses an answer from another branch, and an answer raising to 优秀 over the quota', async () => {
      await refused(
        emu,
        'info_pb_sec',
        'activists.answerAppeal',
        { gradeId: gradeOf(XIE).id, answer: '维持' },
        'OUT_OF_SCOPE',
      );
      await refused(
        emu,
        'sport_pb_sec',
        'activists.answerAppeal',
        { gradeId: gradeOf(XIE).id, answer: '改为优秀', grade: 'excellent' },
        'GRADE_QUOTA_EXCEEDED',
      );
    });

    it('is answered on record, once, and the activist reads the answer in the file', async () => {
      const g = expectOk(
        await emu.call('sport_pb_sec', 'activists.answerAppeal', {
          gradeId: gradeOf(XIE).id,
          answer: '经支委会复核，优秀名额已满，维持良好',
        }),
      );
      expect(g.appeal?.answer).toMatchObject({ text: '经支委会复核，优秀名额已满，维持良好', changedTo: null });
      await refused(
        emu,
        'sport_pb_sec',
        'activists.answerAppeal',
        { gradeId: gradeOf(XIE).id, answer: '再答复' },
        'APPEAL_ANSWERED',
      );
      const file = expectOk(await emu.call('bball_backbone', 'activists.file', { personId: XIE }));
      expect(file.grades[0]).toMatchObject({
        term: TERM,
        termLabel: '2026—2027学年第一学期',
        computed: 'good',
        decision: { grade: 'good' },
        appeal: { answer: { text: '经支委会复核，优秀名额已满，维持良好' } },
        mayAppeal: false,
      });
    });

    it('lets an answer lower 黄子豪’s 优秀 and frees the place', async () => {
      expectOk(
        await emu.call('sport_lb_sec', 'activists.appeal', { gradeId: gradeOf(HUANG).id, reason: '请求说明计算方式' }),
      );
      const g = expectOk(
        await emu.call('sport_pb_sec', 'activists.answerAppeal', {
          gradeId: gradeOf(HUANG).id,
          answer: '核查后调整',
          grade: 'good',
        }),
      );
      expect(g.decision?.grade).toBe('good');
      const v = expectOk(
        await emu.call('sport_pb_cm', 'activists.branchFiles', { branchId: 'u_sport_pb', term: TERM }),
      );
      expect(v).toMatchObject({ excellentLimit: 1, excellentDecided: 0 });
      expect(errorCode(await emu.call('sport_pb_sec', 'activists.file', { personId: HUANG }))).toBeNull();
    });
  });
});
