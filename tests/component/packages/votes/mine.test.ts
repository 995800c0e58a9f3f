/** 我的票决 (packages/votes/mine/index): the votes a member is on the roster of, paged. */
import type { Input, VoteCardView } from '../../../../typings/actions';
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const MINE = 'packages/votes/mine/index';

/** The demo world's open acceptance vote as 何静's list shows it. */
const OPEN_CARD = worldView('votes.listMine.open').items.find((c) => c.kind === 'acceptance')!;
/** An ISO instant → 2026-11-23 09:30 (the recorded instants carry +08:00). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** votes.listMine over `total` open votes (the world's card under new ids), paged as the server pages. */
function mineServer(total: number) {
  const all: VoteCardView[] = Array.from({ length: total }, (_, i) => ({
    ...OPEN_CARD,
    id: `v_${i + 1}`,
    title: `表决 ${i + 1}`,
  }));
  return (input: Input<'votes.listMine'>) => {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const items = input.state === 'open' ? all.slice((page - 1) * pageSize, page * pageSize) : [];
    return ok({ items, page, pageSize, hasMore: input.state === 'open' && page * pageSize < all.length });
  };
}

describe('我的票决', () => {
  it('lists open votes first, a page at a time, and opens one', async () => {
    const p = await loadPage(MINE, { responses: { 'votes.listMine': mineServer(13) } });
    expect(p.callsOf('votes.listMine')[0].input).toEqual({ state: 'open', page: 1, pageSize: 10 });
    expect(p.count('.vote')).toBe(10);
    expect(p.text('#vote-v_1')).toContain(OPEN_CARD.kindLabel);
    expect(p.text('#vote-v_1')).toContain(OPEN_CARD.stateLabel);
    expect(p.text('#vote-v_1')).toContain(`会议时间 ${minute(OPEN_CARD.scheduledStart!)}`);
    await p.tap('#load-more');
    expect(p.count('.vote')).toBe(13);
    expect(p.text()).toContain('没有更多了');
    p.instance.onReachBottom();
    await p.settle();
    expect(p.callsOf('votes.listMine')).toHaveLength(2);
    await p.tap('#vote-v_2');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/votes/detail/index?voteId=v_2' }]);
  });

  it('switches state tabs and shows each tab’s empty state', async () => {
    const p = await loadPage(MINE, { responses: { 'votes.listMine': mineServer(2) } });
    await p.tap('#tab-closed');
    expect(p.callsOf('votes.listMine').at(-1)?.input).toEqual({ state: 'closed', page: 1, pageSize: 10 });
    expect(p.text('#page-state')).toContain('暂无已结束的表决');
    await p.tap('#tab-draft');
    expect(p.text('#page-state')).toContain('暂无即将开始的表决');
  });

  it('asks an unbound student to bind first', async () => {
    const p = await loadPage(MINE, { responses: { 'votes.listMine': worldReply('votes.listMine.unbound') } });
    expect(p.text('#page-state')).toContain('完成实名绑定后，才能参加所在组织的表决');
  });
});
