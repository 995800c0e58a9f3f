/**
 * The demo world (`npm start`), seeded through the actions on the real clock: 公示 and 票决 in every state whatever
 * day the demo runs, the objections real-name and anonymous, the audit chain whole.
 */
import type { NoticeCardView, NoticeDetailView, Page, VoteView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
// Seeding the world calls a few hundred actions: seconds on a quiet core, much more on a busy one.
beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'full' });
}, 120_000);
const notice = (key: string) => emu.world!.notices[key];
afterAll(() => emu?.close());

const managed = async (who: string, input: Record<string, unknown> = {}) =>
  expectOk(await emu.as<Page<NoticeCardView>>(who, 'notices.list', { scope: 'managed', pageSize: 50, ...input })).items;

describe('demo 公示', () => {
  it('has notices in every state, drafts first, then open, scheduled and ended ones', async () => {
    const items = await managed('admin');
    const states = items.map((n) => n.state);
    expect(new Set(states)).toEqual(new Set(['draft', 'open', 'scheduled', 'closed', 'withdrawn']));
    const rank = { draft: 0, open: 1, scheduled: 2, closed: 3, withdrawn: 3 } as const;
    const ranks = states.map((s) => rank[s]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('has closed notices without objections, with objections handled and with objections pending', async () => {
    const outcomes = await Promise.all(
      ['closed_clean', 'closed_handled', 'closed_pending'].map(
        async (key) =>
          expectOk(await emu.as<NoticeDetailView>('admin', 'notices.get', { noticeId: notice(key) })).closed?.outcome,
      ),
    );
    expect(outcomes).toEqual(['no_objection', 'objections_handled', 'objections_pending']);
  });

  it('shows a member the notices posted to their units only, open first, with the open one objectable', async () => {
    const items = expectOk(
      await emu.as<Page<NoticeCardView>>('sport_league1', 'notices.list', { scope: 'visible', pageSize: 50 }),
    ).items;
    // The League committee's 优秀共青团员 公示 (closed) is posted to the whole League line, his units included.
    expect(items.map((n) => n.id).sort()).toEqual(
      [notice('tuiyou_open'), notice('open_objected'), notice('honor_publicity')].sort(),
    );
    const detail = expectOk(
      await emu.as<NoticeDetailView>('sport_league1', 'notices.get', { noticeId: notice('tuiyou_open') }),
    );
    expect(detail.can.object).toBe(true);
  });

  it('filters by state exactly', async () => {
    const open = await managed('admin', { state: 'open' });
    expect(open.map((n) => n.id).sort()).toEqual([notice('tuiyou_open'), notice('open_objected')].sort());
    const sportOnly = await managed('sport_officer', { unitId: 'u_sport_pb' });
    expect(sportOnly.every((n) => n.unitId === 'u_sport_pb')).toBe(true);
  });

  it('gives the college officer the open notice’s objections, one of them anonymous', async () => {
    const { items } = expectOk(
      await emu.as<{ items: { anonymous: boolean; objector: { name: string } | null }[] }>(
        'sport_officer',
        'notices.objections',
        { noticeId: notice('open_objected') },
      ),
    );
    expect(items.map((o) => (o.anonymous ? null : o.objector?.name))).toEqual(['沈可欣', null]);
  });

  it('moves a notice up the list when the scheduler sees it open', async () => {
    const scheduled = (await managed('info_pb_sec')).find((n) => n.id === notice('scheduled'))!;
    emu.host.setClock(new Date(Date.parse(scheduled.window.opensAt) + 60_000).toISOString());
    try {
      const [tick] = await emu.host.fireTimers();
      expect(tick.result).toMatchObject({ ok: true, jobs: { 'notices.advance': { opened: 1 } } });
      expect(await emu.server.db.collection('notices').findOne({ _id: notice('scheduled') })).toMatchObject({
        phase: 'open',
      });
    } finally {
      emu.host.setClock(null);
    }
  });
});

describe('demo 票决', () => {
  it('has votes in draft, open, closed and cancelled, each run by its branch', async () => {
    const views = await Promise.all(
      Object.entries(emu.world!.votes).map(async ([key, voteId]) => {
        const v = expectOk(await emu.as<VoteView>('admin', 'votes.get', { voteId }));
        return [key, v.state] as const;
      }),
    );
    const states = Object.fromEntries(views);
    expect(new Set(Object.values(states))).toEqual(new Set(['draft', 'open', 'closed', 'cancelled']));
    for (const [key, state] of views) expect(key.endsWith(`_${state}`)).toBe(true);
  });

  it('shows the open acceptance meeting with people checked in and ballots cast, its results sealed', async () => {
    const voteId = emu.world!.votes.acceptance_open;
    const presence = expectOk(
      await emu.as<{ present: number; ballotsReturned: number }>('sport_pb_sec', 'votes.presence', { voteId }),
    );
    expect(presence.present).toBeGreaterThan(0);
    expect(presence.ballotsReturned).toBeGreaterThan(0);
    expect(errorCode(await emu.as('sport_pb_sec', 'votes.resolution', { voteId }))).toBe('RESULTS_SEALED');
  });

  it('has the party branch determine activists and 发展对象 after the League branch recommended them', async () => {
    const kinds = await Promise.all(
      ['tuiyou_development_closed', 'activist_determination_closed', 'development_candidate_determination_open'].map(
        async (key) => expectOk(await emu.as<VoteView>('admin', 'votes.get', { voteId: emu.world!.votes[key] })).kind,
      ),
    );
    expect(kinds).toEqual(['tuiyou', 'activist_determination', 'development_candidate_determination']);
  });

  it('has evaluations whose grades the college officer recorded, not a graded secretary', async () => {
    for (const key of ['party_evaluation_closed', 'league_evaluation_closed']) {
      const { decision } = expectOk(
        await emu.as<{ decision: { recordedBy: string } | null }>('sport_officer', 'votes.resolution', {
          voteId: emu.world!.votes[key],
        }),
      );
      expect(decision?.recordedBy).toBe('陈志强');
    }
  });

  it('keeps the school settings the committees changed', async () => {
    const settings = expectOk(
      await emu.as<{ kinds: { kind: string; overrides: Record<string, unknown> }[] }>(
        'admin',
        'votes.ruleSettings',
        {},
      ),
    );
    const changed = settings.kinds.filter((k) => Object.keys(k.overrides).length > 0).map((k) => k.kind);
    expect(changed.sort()).toEqual(['acceptance', 'tuiyou']);
  });

  it('leaves an audit chain that verifies', async () => {
    expect(expectOk(await emu.as<{ ok: boolean }>('admin', 'audit.verify', {})).ok).toBe(true);
  });
});

describe('demo 实名绑定', () => {
  it('shows the college officer two claims on one student number as competing', async () => {
    const { items } = expectOk(
      await emu.as<Page<{ id: string; studentNo: string; competingWith: string[] }>>(
        'sport_officer',
        'bindings.listPending',
        {},
      ),
    );
    const claims = items.filter((b) => b.studentNo === '2023010111');
    expect(claims).toHaveLength(2);
    expect(claims.map((b) => b.competingWith)).toEqual([[claims[1].id], [claims[0].id]]);
  });
});

describe('demo 荣誉与风采展示', () => {
  const honor = (key: string) => emu.world!.honors[key];
  const post = (key: string) => emu.world!.posts[key];
  const verify = (who: string, key: string) =>
    emu.call(who, 'honors.verify', { certificateNo: honor(key).slice(2) }).then(expectOk);

  it('confers 优秀共青团员 on the one the 评优 vote elected, after the League committee’s 公示 closed clean', async () => {
    const wall = expectOk(
      await emu.call('openid:o-stranger', 'honors.wall', { of: { kind: 'person', personId: 'p_2023010109' } }),
    );
    const h = wall.items.find((x) => x.id === honor('league_excellent'));
    expect(h).toMatchObject({ title: '优秀共青团员', awardingUnitName: '校团委', state: 'valid' });
    expect(h?.voteId).toBe(emu.world!.votes.honor_closed);
    expect(h?.noticeId).toBe(notice('honor_publicity'));
    const n = expectOk(await emu.call('admin', 'notices.get', { noticeId: notice('honor_publicity') }));
    expect(n.state).toBe('closed');
    expect(n.closed?.outcome).toBe('no_objection');
  });

  it('has a title without vote, a revoked honor and a hidden one that still verifies', async () => {
    expect((await verify('openid:o-stranger', 'association')).title).toBe('优秀社团');
    const revoked = await verify('sport_officer', 'revoked');
    expect(revoked.state).toBe('revoked');
    expect(revoked.revocationReason).toContain('撤销');
    expect((await verify('openid:o-stranger', 'hidden')).state).toBe('valid');
    const wall = expectOk(
      await emu.call('openid:o-stranger', 'honors.wall', { of: { kind: 'person', personId: 'p_2023010102' } }),
    );
    expect(wall.items).toEqual([]);
  });

  it('has posts public, waiting for review, refused with a reason and one with an image still being checked', async () => {
    const list = expectOk(await emu.call('openid:o-stranger', 'showcase.list', { limit: 30 }));
    expect(list.items.map((x) => x.id).sort()).toEqual(
      [post('public_bball'), post('public_vol'), post('public_federation')].sort(),
    );
    expect(list.items.find((x) => x.id === post('public_bball'))?.likeCount).toBe(3);
    const pending = expectOk(await emu.call('bball_pres', 'showcase.get', { postId: post('pending_review') }));
    expect(pending.review).toBe('pending');
    const refused = expectOk(await emu.call('taiji_pres', 'showcase.get', { postId: post('refused') }));
    expect(refused.refusalReason).toBeTruthy();
    const checking = expectOk(await emu.call('fed_chair', 'showcase.get', { postId: post('image_pending') }));
    expect(checking.images.map((i) => i.state)).toEqual(['pass', 'pending']);
  });
});
