/** 表决详情 (packages/votes/detail/index): a vote's page for a voter (签到, 书面意见 entry) and for its manager. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const DETAIL = 'packages/votes/detail/index';

/** The demo world's League evaluation under way, as 杨帆 sees it before and after checking in. */
const ABSENT = worldView('votes.get.league_evaluation_open.absent');
/** The world's acceptance meeting (open, then closed) and the conversion vote in draft. */
const OPEN = worldView('votes.get.acceptance_open.ready');
const CLOSED_AS_SECRETARY = worldView('votes.get.acceptance_closed.secretary');
const DRAFT = worldView('votes.get.conversion_draft.voter');
const at = (voteId: string) => ({ voteId });
// biome-ignore lint/suspicious/noExplicitAny: the stubbed wx global of the harness
const wxGlobal = () => (globalThis as any).wx;

describe('表决详情', () => {
  it('checks the voter in by scanning the meeting screen with the camera, then offers the ballot', async () => {
    const other = worldInput('votes.checkIn.league_evaluation_open.other_vote');
    const right = worldInput('votes.checkIn.league_evaluation_open');
    const p = await loadPage(DETAIL, {
      query: at(ABSENT.id),
      responses: {
        'votes.get': [ok(ABSENT), worldReply('votes.get.league_evaluation_open.checked_in')],
        'votes.checkIn': [
          worldReply('votes.checkIn.league_evaluation_open.other_vote'),
          worldReply('votes.checkIn.league_evaluation_open'),
        ],
      },
    });
    expect(p.text('#stage')).toContain('请先签到');
    expect(p.exists('#code-input')).toBe(false);
    // The voter closes the scanner: nothing is sent.
    wxGlobal().scanCode = (o: { fail: () => void }) => o.fail();
    await p.tap('#check-in-button');
    expect(p.callsOf('votes.checkIn')).toHaveLength(0);

    // First the code of another meeting (the party branch's, across the corridor), then this meeting's.
    const asked: Record<string, unknown>[] = [];
    const screens = [other.token, right.token];
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void } & Record<string, unknown>) => {
      asked.push(o);
      o.success({ result: ` ${screens.shift()} ` });
    };
    await p.tap('#check-in-button');
    expect(asked[0]).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(p.text('#scan-error')).toBe('该签到码不属于这一场表决会议');
    await p.tap('#check-in-button');
    expect(p.callsOf('votes.checkIn').map((c) => c.input)).toEqual([other, right]);
    expect(p.toasts).toContain('签到成功，可以投票了');
    await p.tap('#ballot-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: `/packages/votes/ballot/index?voteId=${ABSENT.id}` }]);
  });

  it('tells a voter who has voted that it is final', async () => {
    const p = await loadPage(DETAIL, {
      query: at(OPEN.id),
      responses: { 'votes.get': worldReply('votes.get.acceptance_open.voted') },
    });
    expect(p.text('#stage')).toContain('您已投票');
    expect(p.exists('#ballot-button')).toBe(false);
  });

  it('leads to the result and the code check after the close, and a manager to the console', async () => {
    const id = CLOSED_AS_SECRETARY.id;
    const p = await loadPage(DETAIL, { query: at(id), responses: { 'votes.get': ok(CLOSED_AS_SECRETARY) } });
    await p.tap('#result-button');
    await p.tap('#verify-button');
    await p.tap('#console-button');
    expect(p.navigations.map((n) => n.url)).toEqual([
      `/packages/votes/result/index?voteId=${id}`,
      `/packages/votes/verify/index?voteId=${id}`,
      `/packages/votes/result/index?voteId=${id}`,
    ]);
  });
});

describe('表决详情 · 书面意见入口', () => {
  it('offers 提交书面意见 before the meeting on a formal party vote', async () => {
    const p = await loadPage(DETAIL, { query: at(DRAFT.id), responses: { 'votes.get': ok(DRAFT) } });
    expect(p.text('#stage')).toContain('表决尚未开始');
    await p.tap('#written-button');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: `/packages/votes/written/index?voteId=${DRAFT.id}` }]);
  });

  it('hides it once the vote is open, on kinds without written opinions, and after one was given', async () => {
    const written = worldView('votes.get.conversion_draft.written');
    // Open; an election in draft (elections take no written opinions); given already.
    const election = worldView('votes.get.league_branch_election_draft.voter');
    expect(election.writtenOpinionsAllowed).toBe(false);
    for (const view of [OPEN, election, written]) {
      const p = await loadPage(DETAIL, { query: at(view.id), responses: { 'votes.get': ok(view) } });
      expect(p.exists('#written-button')).toBe(false);
      p.unload();
    }
    const p = await loadPage(DETAIL, { query: at(written.id), responses: { 'votes.get': ok(written) } });
    expect(p.text('#written-submitted')).toContain('您已在会前提交书面意见');
  });
});
