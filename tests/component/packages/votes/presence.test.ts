/** 会场签到 (packages/votes/presence/index): the meeting's turnout against the quorum, check-in and close. */
import {
  ACCEPTANCE,
  acceptanceForSecretary,
  acceptancePresence,
  acceptanceResolution,
  earlyPresence,
} from '../../../support/demo-views/votes';
import { loadPage, ok } from '../../harness';

describe('会场签到', () => {
  const load = (presence = acceptancePresence(), extra = {}) =>
    loadPage('packages/votes/presence/index', {
      query: { voteId: ACCEPTANCE.id },
      responses: { 'votes.get': ok(acceptanceForSecretary()), 'votes.presence': ok(presence), ...extra },
    });

  it('shows the code, counts and who is here — never anyone’s choice', async () => {
    const p = await load();
    expect(p.text('#check-in-code')).toBe('482913');
    expect(p.text('#counts')).toBe('11应到8已签到6已投票1书面意见');
    expect(p.text('#quorum')).toContain('已达到法定人数（至少 6 人）');
    expect(p.text('#checked-in')).toContain('韩雪');
    expect(p.text('#absent')).toContain('唐雨萱');
    // An absent member who sent a written opinion may still come: then the ballot in the room is what counts.
    expect(p.text('#absent')).toContain('已交书面意见，到会签到后以现场投票为准');
    expect(p.text()).not.toMatch(/赞成|反对|弃权/);
  });

  it('says how many are missing for the quorum', async () => {
    const p = await load(earlyPresence());
    expect(p.text('#quorum')).toContain('还差 3 人达到法定人数（至少 6 人）');
  });

  it('checks an absent member in for them', async () => {
    const p = await load(acceptancePresence(), {
      'votes.checkIn': ok({ personId: 'p-tangyx', checkedInAt: '', present: 9 }),
    });
    await p.tap('.proxy-button');
    expect(p.callsOf('votes.checkIn').map((c) => c.input)).toEqual([{ voteId: ACCEPTANCE.id, personId: 'p-tangyx' }]);
    expect(p.toasts).toContain('已代为签到');
  });

  it('closes only after the confirm dialog, then shows the result', async () => {
    const p = await load(acceptancePresence(), { 'votes.close': ok(acceptanceResolution()) });
    await p.tap('#close-button');
    expect(p.text('#close-dialog')).toContain('还有 2 人已签到但未投票');
    await p.trigger('#close-dialog', 'cancel');
    expect(p.callsOf('votes.close')).toHaveLength(0);
    await p.tap('#close-button');
    await p.trigger('#close-dialog', 'confirm');
    expect(p.callsOf('votes.close').map((c) => c.input)).toEqual([{ voteId: ACCEPTANCE.id }]);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/votes/result/index?voteId=${ACCEPTANCE.id}` },
    ]);
  });
});
