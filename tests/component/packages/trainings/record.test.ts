/** 培训档案 (packages/trainings/record/index): a person's hours against each requirement, attendance and scores. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const RECORD = 'packages/trainings/record/index';

describe('a training record', () => {
  it('shows my own record when opened from 我的学时 (no person named)', async () => {
    const p = await loadPage(RECORD, { responses: { 'trainings.record': worldReply('trainings.record.self') } });
    expect(p.callsOf('trainings.record')[0].input).toEqual(worldInput('trainings.record.self'));
    expect(p.text('#record-name')).toBe('曹宁');
  });

  it('shows a backbone’s record to their branch secretary: hours against the requirement, attendance, scores', async () => {
    const view = worldView('trainings.record.secretary');
    const p = await loadPage(RECORD, {
      query: { personId: view.personId },
      responses: { 'trainings.record': worldReply('trainings.record.secretary') },
    });
    expect(p.callsOf('trainings.record')[0].input).toEqual(worldInput('trainings.record.secretary'));
    const line = view.hours.lines[0];
    expect(p.text(`#line-${line.id}`)).toContain(`${line.earned} / ${line.required} 学时`);
    expect(p.text(`#line-${line.id}`)).toContain(`还差 ${line.shortfall} 学时`);
    const a = view.attendance;
    expect(p.text('#attendance')).toBe(`已结束的场次：出勤 ${a.present} 场，请假 ${a.onLeave} 场，缺勤 ${a.absent} 场`);
    expect(p.text(`#exam-${view.exams[0].programId}`)).toContain('100 分（满分 100），合格');
  });

  it('shows a failed exam and no requirement to an association’s advisor', async () => {
    const view = worldView('trainings.record.advisor');
    const p = await loadPage(RECORD, {
      query: { personId: view.personId },
      responses: { 'trainings.record': worldReply('trainings.record.advisor') },
    });
    expect(p.text('#lines-empty')).toBe('目前没有适用的培训学时要求');
    expect(p.text(`#exam-${view.exams[0].programId}`)).toContain('不合格');
  });

  it('shows the server’s refusal to someone outside the person’s branch and association', async () => {
    const p = await loadPage(RECORD, {
      query: worldInput('trainings.record.refused') as Record<string, string>,
      responses: { 'trainings.record': worldReply('trainings.record.refused') },
    });
    expect(p.text('#page-state')).toContain('该对象不在您的管理范围内');
  });
});
