/** 我的学时 (packages/trainings/hours/index): each requirement with the server's figures, and my record. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const HOURS = 'packages/trainings/hours/index';

describe('my hours', () => {
  it('shows each requirement with the server’s figures and the sessions that count', async () => {
    const view = worldView('trainings.myHours.candidate_short');
    const p = await loadPage(HOURS, {
      responses: { 'trainings.myHours': worldReply('trainings.myHours.candidate_short') },
    });
    const line = p.text('#line-candidate_training');
    expect(line).toContain('16 / 24 学时（或 3 天，已 2 天）');
    expect(line).toContain('还差 8 学时');
    expect(line).toContain('A10');
    const first = view.lines[0].sessions[0];
    expect(line).toContain(`${first.date} ${first.title} · ${first.hours} 学时`);
  });

  it('says when a requirement is met', async () => {
    const p = await loadPage(HOURS, { responses: { 'trainings.myHours': worldReply('trainings.myHours.member_met') } });
    expect(p.text('#line-member_yearly')).toContain('已达到要求');
  });

  it('says when no requirement applies', async () => {
    const p = await loadPage(HOURS, { responses: { 'trainings.myHours': worldReply('trainings.myHours.none') } });
    expect(p.text('#hours-empty')).toBe('目前没有适用于您的培训学时要求');
  });

  it('opens my training record', async () => {
    const p = await loadPage(HOURS, {
      responses: { 'trainings.myHours': worldReply('trainings.myHours.officer_short') },
    });
    await p.tap('#open-record');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/trainings/record/index' }]);
  });
});
