/** 会场签到 (packages/votes/presence/index): the meeting's turnout against the quorum, check-in and close. */
import { earlyPresence, worldInput, worldReply, worldView, worldViews } from '../../../support/world-views';
import { type LoadedPage, loadPage, ok } from '../../harness';

/** The demo world's open acceptance meeting as its branch secretary sees it, with its screen's code. */
const VOTE = worldView('votes.get.acceptance_open.secretary');
const PRESENCE = worldView('votes.presence.acceptance_open');
const TOKEN = worldView('votes.checkInToken.acceptance_open');
// biome-ignore lint/suspicious/noExplicitAny: the stubbed wx global of the harness
const wxGlobal = () => (globalThis as any).wx;
const qrValue = (p: LoadedPage): string => p.page.querySelector('#qrcode').instance.data.value;

describe('会场签到', () => {
  const load = (presence = PRESENCE, extra = {}) =>
    loadPage('packages/votes/presence/index', {
      query: { voteId: VOTE.id },
      responses: { 'votes.get': ok(VOTE), 'votes.presence': ok(presence), 'votes.checkInToken': ok(TOKEN), ...extra },
    });

  it('shows the rotating QR code, counts and who is here — never anyone’s choice', async () => {
    const p = await load();
    expect(p.callsOf('votes.checkInToken').map((c) => c.input)).toEqual([{ voteId: VOTE.id }]);
    expect(qrValue(p)).toBe(TOKEN.token);
    // The code is drawn, never printed: a code to copy is what the rotation is there to defeat.
    expect(p.text()).not.toContain(TOKEN.token);
    expect(p.text('#code-hint')).toContain('每 10 秒自动更换');
    const { expected, present, ballotsReturned, writtenOpinions } = PRESENCE;
    expect(p.text('#counts')).toBe(
      `${expected}应到${present}已签到${ballotsReturned}已投票${writtenOpinions.length}书面意见`,
    );
    expect(p.text('#quorum')).toContain(`已达到法定人数（至少 ${PRESENCE.quorumNeeded} 人）`);
    for (const c of PRESENCE.checkedIn) expect(p.text('#checked-in')).toContain(c.name);
    expect(p.text('#absent')).toContain(PRESENCE.absent[0].name);
    // An absent member who sent a written opinion may still come: then the ballot in the room is what counts.
    expect(writtenOpinions[0].voterId).toBe(PRESENCE.absent[0].id);
    expect(p.text('#absent')).toContain('已交书面意见，到会签到后以现场投票为准');
    expect(p.text()).not.toMatch(/赞成|反对|弃权/);
  });

  it('says how many are missing for the quorum', async () => {
    const p = await load(earlyPresence(PRESENCE, 2));
    expect(p.text('#quorum')).toContain(
      `还差 ${PRESENCE.quorumNeeded - 2} 人达到法定人数（至少 ${PRESENCE.quorumNeeded} 人）`,
    );
  });

  it('checks an absent member in for them', async () => {
    // The answer votes.checkIn gives (the world's meeting closes with 邓凯 away, so it is not recorded).
    const absent = PRESENCE.absent[0];
    const checkedIn = { personId: absent.id, checkedInAt: worldViews().now };
    const p = await load(PRESENCE, { 'votes.checkIn': ok(checkedIn) });
    await p.tap('.proxy-button');
    expect(p.callsOf('votes.checkIn').map((c) => c.input)).toEqual([{ voteId: VOTE.id, personId: absent.id }]);
    expect(p.toasts).toContain('已代为签到');
  });

  it('closes only after the confirm dialog, then shows the result', async () => {
    const p = await load(PRESENCE, { 'votes.close': worldReply('votes.close.acceptance_open') });
    await p.tap('#close-button');
    expect(p.text('#close-dialog')).toContain(`还有 ${PRESENCE.present - PRESENCE.ballotsReturned} 人已签到但未投票`);
    await p.trigger('#close-dialog', 'cancel');
    expect(p.callsOf('votes.close')).toHaveLength(0);
    await p.tap('#close-button');
    await p.trigger('#close-dialog', 'confirm');
    expect(p.callsOf('votes.close').map((c) => c.input)).toEqual([worldInput('votes.close.acceptance_open')]);
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: `/packages/votes/result/index?voteId=${VOTE.id}` }]);
  });

  it('keeps the screen on and fetches the next code when the slot ends, until the page is closed', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const keep: boolean[] = [];
      const p = await loadPage('packages/votes/presence/index', {
        query: { voteId: VOTE.id },
        responses: { 'votes.get': ok(VOTE), 'votes.presence': ok(PRESENCE), 'votes.checkInToken': ok(TOKEN) },
        lifecycle: false,
      });
      wxGlobal().setKeepScreenOn = (o: { keepScreenOn: boolean }) => keep.push(o.keepScreenOn);
      p.instance.onLoad({ voteId: VOTE.id });
      await jest.advanceTimersByTimeAsync(10);
      expect(keep).toEqual([true]);
      expect(p.callsOf('votes.checkInToken')).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(TOKEN.refreshInMs + 300);
      expect(p.callsOf('votes.checkInToken')).toHaveLength(2);
      p.unload();
      expect(keep).toEqual([true, false]);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(p.callsOf('votes.checkInToken')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
