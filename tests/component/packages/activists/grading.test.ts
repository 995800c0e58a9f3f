/**
 * 积极分子学期评定 (packages/activists/grading/index): 体育学院学生党支部's semester grades as its secretary and a
 * committee member see them in the demo world, the 优秀 quota, and an appeal answered on record.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const GRADING = 'packages/activists/grading/index';
const SECRETARY = worldView('activists.branchFiles.secretary');
const COMMITTEE = worldView('activists.branchFiles.committee');
const ANSWER = worldInput('activists.answerAppeal.secretary');
const query = { branchId: SECRETARY.branchId };
const appealed = SECRETARY.files.find((f) => f.grade?.appeal)!;

describe('积极分子学期评定', () => {
  it('shows the quota, each computed and decided grade and the appeal waiting', async () => {
    const p = await loadPage(GRADING, { query, responses: { 'activists.branchFiles': ok(SECRETARY) } });
    expect(p.text('#quota')).toBe(
      `已评定 ${SECRETARY.graded} 人 · 优秀 ${SECRETARY.excellentDecided} / 上限 ${SECRETARY.excellentLimit}`,
    );
    for (const f of SECRETARY.files) expect(p.text(`#row-${f.personId}`)).toContain(`计算：${f.grade!.computedLabel}`);
    expect(p.text(`#row-${appealed.personId}`)).toContain(`申诉待答复：${appealed.grade!.appeal!.reason}`);
    // Decided already: no computing again.
    expect(p.exists('#compute-button')).toBe(false);
  });

  it('answers the appeal on record', async () => {
    const p = await loadPage(GRADING, {
      query,
      responses: {
        'activists.branchFiles': ok(SECRETARY),
        'activists.answerAppeal': worldReply('activists.answerAppeal.secretary'),
      },
    });
    const row = `#row-${appealed.personId}`;
    await p.tap(`${row} .answer-button`);
    expect(p.text(row)).toContain('请填写答复');
    await p.trigger(`${row} .gr-text`, 'change', { value: ANSWER.answer });
    await p.tap(`${row} .answer-button`);
    expect(p.callsOf('activists.answerAppeal')[0]!.input).toEqual(ANSWER);
    expect(p.toasts).toContain('申诉已答复');
  });

  it('computes the semester before anything is decided, and shows the quota refusal beside the row', async () => {
    const undecided = {
      ...SECRETARY,
      excellentDecided: 0,
      files: SECRETARY.files.map((f) => ({ ...f, grade: f.grade && { ...f.grade, decision: null, appeal: null } })),
    };
    const p = await loadPage(GRADING, {
      query,
      responses: {
        'activists.branchFiles': ok(undecided),
        'activists.computeGrades': ok(undecided),
        'activists.decideGrade': fail('GRADE_QUOTA_EXCEEDED'),
      },
    });
    await p.tap('#compute-button');
    expect(p.callsOf('activists.computeGrades')[0]!.input).toEqual({ branchId: SECRETARY.branchId });
    const row = `#row-${appealed.personId}`;
    await p.tap(`${row} .grade-excellent`);
    await p.trigger(`${row} .gr-text`, 'change', { value: '联赛工作突出' });
    await p.tap(`${row} .decide-button`);
    expect(p.callsOf('activists.decideGrade')[0]!.input).toEqual({
      gradeId: appealed.grade!.id,
      grade: 'excellent',
      reason: '联赛工作突出',
    });
    expect(p.text(row)).toContain('优秀等次超出本支部设定的比例');
  });

  it('shows a committee member the grades without the buttons that keep them', async () => {
    const p = await loadPage(GRADING, { query, responses: { 'activists.branchFiles': ok(COMMITTEE) } });
    expect(COMMITTEE.mayManage).toBe(false);
    expect(p.count('.gr-card')).toBe(COMMITTEE.files.length);
    expect(p.exists('.answer-button')).toBe(false);
    expect(p.exists('.decide-button')).toBe(false);
  });

  it('is opened from 我的 and asks which branch when the reader has several', async () => {
    // The party committee reads both party branches; the sport branch's secretary his own.
    const p = await loadPage(GRADING, {
      responses: {
        'activists.branches': worldReply('activists.branches.party_admin'),
        'activists.branchFiles': ok(SECRETARY),
      },
    });
    expect(p.count('.gr-card')).toBe(worldView('activists.branches.party_admin').length);
    await p.tap(`#branch-${SECRETARY.branchId}`);
    expect(p.callsOf('activists.branchFiles')[0]!.input).toEqual({ branchId: SECRETARY.branchId });
    expect(p.text('#quota')).toContain('上限');
    const one = await loadPage(GRADING, {
      responses: {
        'activists.branches': worldReply('activists.branches.secretary'),
        'activists.branchFiles': ok(SECRETARY),
      },
    });
    expect(one.callsOf('activists.branchFiles')[0]!.input).toEqual({ branchId: SECRETARY.branchId });
  });

  it('tells another branch’s secretary it is out of scope', async () => {
    const p = await loadPage(GRADING, { query, responses: { 'activists.branchFiles': fail('OUT_OF_SCOPE') } });
    expect(p.text('#page-state')).toContain('您没有查看该党支部积极分子档案的权限');
  });
});
