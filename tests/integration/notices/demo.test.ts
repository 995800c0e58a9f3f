/** The seeded demo 公示, on the real clock: every state is there whatever day the demo runs, in list order. */
import type { NoticeCardView, NoticeDetailView, Page } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

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
      ['n_demo_closed_clean', 'n_demo_closed_handled', 'n_demo_closed_pending'].map(
        async (noticeId) =>
          expectOk(await emu.as<NoticeDetailView>('admin', 'notices.get', { noticeId })).closed?.outcome,
      ),
    );
    expect(outcomes).toEqual(['no_objection', 'objections_handled', 'objections_pending']);
  });

  it('shows a member the notices posted to their units only, open first, with the open one objectable', async () => {
    const items = expectOk(
      await emu.as<Page<NoticeCardView>>('sport_league1', 'notices.list', { scope: 'visible', pageSize: 50 }),
    ).items;
    expect(items.map((n) => n.id).sort()).toEqual(['n_demo_open', 'n_demo_open_objected']);
    const detail = expectOk(
      await emu.as<NoticeDetailView>('sport_league1', 'notices.get', { noticeId: 'n_demo_open' }),
    );
    expect(detail.can.object).toBe(true);
  });

  it('filters by state exactly', async () => {
    const open = await managed('admin', { state: 'open' });
    expect(open.map((n) => n.id).sort()).toEqual(['n_demo_open', 'n_demo_open_objected']);
    const sportOnly = await managed('sport_officer', { unitId: 'u_sport_pb' });
    expect(sportOnly.every((n) => n.unitId === 'u_sport_pb')).toBe(true);
  });

  it('gives the college officer the open notice’s objections, one of them anonymous', async () => {
    const { items } = expectOk(
      await emu.as<{ items: { anonymous: boolean; objector: { name: string } | null }[] }>(
        'sport_officer',
        'notices.objections',
        { noticeId: 'n_demo_open_objected' },
      ),
    );
    expect(items.map((o) => (o.anonymous ? null : o.objector?.name))).toEqual(['沈可欣', null]);
  });

  it('moves a notice up the list when the scheduler sees it open', async () => {
    const scheduled = (await managed('info_pb_sec')).find((n) => n.id === 'n_demo_scheduled')!;
    emu.host.setClock(new Date(Date.parse(scheduled.window.opensAt) + 60_000).toISOString());
    try {
      const [tick] = await emu.host.fireTimers();
      expect(tick.result).toMatchObject({ ok: true, jobs: { 'notices.advance': { opened: 1 } } });
      expect(await emu.server.db.collection('notices').findOne({ _id: 'n_demo_scheduled' })).toMatchObject({
        phase: 'open',
      });
    } finally {
      emu.host.setClock(null);
    }
  });
});
