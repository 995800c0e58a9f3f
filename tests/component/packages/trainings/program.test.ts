/** 培训项目 (packages/trainings/program/index): sign-up and the waitlist, my sessions, leave, the organiser's entries. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PROGRAM = 'packages/trainings/program/index';
/** 袁梦 on the full 团课's waitlist; 宋雨 … */
const WAITLISTED = worldView('trainings.get.league.waitlisted');
/** 蒋文博 looking at the 骨干培训 that reviews sign-ups. */
const OPEN = worldView('trainings.get.backbone.open');
/** 曹宁 on the members' 轮训: two sessions held, one under way, one to come. */
const ENROLLED = worldView('trainings.get.members.enrolled');
const ORGANISER = worldView('trainings.get.members.organiser');
const [held, yesterday, live, coming] = ENROLLED.sessionList;

describe('a program', () => {
  it('shows my place on the waitlist from the server’s figure and lets me leave it', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: WAITLISTED.id },
      responses: {
        'trainings.get': ok(WAITLISTED),
        'trainings.withdraw': worldReply('trainings.withdraw.league'),
      },
    });
    expect(p.text('#my-state')).toContain(`您在候补名单第 ${WAITLISTED.me.waitlistPosition} 位`);
    expect(p.exists('#signup-button')).toBe(false);
    await p.tap('#withdraw-button');
    expect(p.callsOf('trainings.withdraw')[0].input).toEqual({ programId: WAITLISTED.id });
    expect(p.toasts).toEqual(['已退出']);
  });

  it('signs up for a program that reviews sign-ups and says it waits for review', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: OPEN.id },
      responses: {
        'trainings.get': [ok(OPEN), worldReply('trainings.get.backbone.pending')],
        'trainings.signUp': worldReply('trainings.signUp.backbone'),
      },
    });
    expect(p.text()).toContain('报名审核');
    await p.tap('#signup-button');
    expect(p.callsOf('trainings.signUp')[0].input).toEqual({ programId: OPEN.id });
    expect(p.callsOf('trainings.get')).toHaveLength(2);
    expect(p.text('#my-state')).toContain('待审核');
  });

  it('shows an enrolled trainee their attendance per session, the scanner and what to rate', async () => {
    const p = await loadPage(PROGRAM, { query: { id: ENROLLED.id }, responses: { 'trainings.get': ok(ENROLLED) } });
    expect(p.text(`#session-${held.id}`)).toContain('已签到');
    expect(p.text(`#session-${coming.id}`)).toContain('未签到');
    expect(p.exists('#scan-button')).toBe(true);
    // Rated the first session already; yesterday's waits for a rating.
    expect(p.exists(`#session-${held.id} .rate`)).toBe(false);
    await p.tap(`#session-${yesterday.id} .rate`);
    expect(p.navigations[0].url).toContain(`/packages/trainings/rate/index?sessionId=${yesterday.id}`);
  });

  it('gives the organiser each session’s code screen', async () => {
    const p = await loadPage(PROGRAM, { query: { id: ORGANISER.id }, responses: { 'trainings.get': ok(ORGANISER) } });
    await p.tap('.screen-out', 2);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/trainings/screen/index?sessionId=${live.id}&purpose=out` },
    ]);
  });
});

describe('asking for leave', () => {
  it('sends the reason for a session not yet started and reloads', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: ENROLLED.id },
      responses: {
        'trainings.get': ok(ENROLLED),
        'trainings.requestLeave': worldReply('trainings.requestLeave.league'),
      },
    });
    expect(p.exists(`#session-${held.id} .ask-leave`)).toBe(false);
    await p.tap(`#session-${coming.id} .ask-leave`);
    await p.trigger('#leave-dialog', 'confirm', { reason: '' });
    expect(p.callsOf('trainings.requestLeave')).toHaveLength(0);
    await p.trigger('#leave-dialog', 'confirm', { reason: '参加省运会集训' });
    expect(p.callsOf('trainings.requestLeave')[0].input).toEqual({ sessionId: coming.id, reason: '参加省运会集训' });
    expect(p.toasts).toEqual(['已提交请假，等待批准']);
  });

  it('shows the server’s refusal once the session has begun', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: ENROLLED.id },
      responses: {
        'trainings.get': ok(ENROLLED),
        'trainings.requestLeave': worldReply('trainings.requestLeave.too_late'),
      },
    });
    await p.tap(`#session-${live.id} .ask-leave`);
    await p.trigger('#leave-dialog', 'confirm', { reason: '临时有事' });
    expect(p.text()).toContain('请假须在培训开始前提出');
  });
});
