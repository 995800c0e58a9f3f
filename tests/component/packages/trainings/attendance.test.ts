/** 考勤 (packages/trainings/attendance/index): scans, hand marks with a reason, leave and no-shows. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const ATTENDANCE = 'packages/trainings/attendance/index';
/** The members' first session as 马骁 sees it: scans, one who left early, a hand mark, a leave approved, a no-show. */
const HELD = worldView('trainings.attendance.held');
/** The session to come, with 韩冬's leave request waiting. */
const COMING = worldView('trainings.attendance.coming');

describe('the attendance sheet', () => {
  it('counts the room and says who was marked by hand and who was on leave', async () => {
    const p = await loadPage(ATTENDANCE, {
      query: { sessionId: HELD.sessionId },
      responses: { 'trainings.attendance': ok(HELD) },
    });
    expect(p.text('#summary')).toBe(
      `应到 ${HELD.enrolled} 人，已签到 ${HELD.present} 人，请假 ${HELD.onLeave} 人，缺勤 ${HELD.noShows} 人`,
    );
    expect(p.text()).toContain('手工登记');
    expect(p.text()).toContain('请假已批准：参加省大学生运动会集训');
  });

  it('asks for a reason before a hand mark and sends it with the mark', async () => {
    const input = worldInput('trainings.mark.present');
    const p = await loadPage(ATTENDANCE, {
      query: { sessionId: HELD.sessionId },
      responses: { 'trainings.attendance': ok(HELD), 'trainings.mark': worldReply('trainings.mark.present') },
    });
    const noShow = HELD.rows.findIndex((r) => r.state === 'absent');
    const markable = HELD.rows.filter((r) => r.state !== 'present');
    await p.tap('.mark-present', markable.indexOf(HELD.rows[noShow]));
    await p.trigger('#mark-dialog', 'confirm', { reason: '' });
    expect(p.callsOf('trainings.mark')).toHaveLength(0);
    expect(p.text()).toContain('手工登记考勤须写明理由');
    await p.trigger('#mark-dialog', 'confirm', { reason: input.reason });
    expect(p.callsOf('trainings.mark')[0].input).toEqual(input);
    expect(p.toasts).toEqual(['已登记']);
  });

  it('approves a pending leave request', async () => {
    const p = await loadPage(ATTENDANCE, {
      query: { sessionId: COMING.sessionId },
      responses: {
        'trainings.attendance': ok(COMING),
        'trainings.decideLeave': worldReply('trainings.decideLeave.approve'),
      },
    });
    await p.tap('.leave-approve');
    expect(p.callsOf('trainings.decideLeave')[0].input).toEqual(worldInput('trainings.decideLeave.approve'));
  });

  it('opens a trainee’s training record from their name', async () => {
    const p = await loadPage(ATTENDANCE, {
      query: { sessionId: HELD.sessionId },
      responses: { 'trainings.attendance': ok(HELD) },
    });
    const who = HELD.rows[0];
    await p.tap(`#row-${who.personId} .row__name`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/trainings/record/index?personId=${who.personId}` },
    ]);
  });
});
