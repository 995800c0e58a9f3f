/** 公示 tab (pages/notices/index): the cards a member sees, paging and the cost of each page of setData. */

import { measureNoticesSetData } from '../../../bench/notices-setdata';
import type { Input } from '../../../typings/actions';
import type { NoticeCardView } from '../../../typings/actions/notices';
import { worldNoticeCards, worldNoticeCardsPage, worldReply } from '../../support/world-views';
import { fail, loadPage, ok } from '../harness';

const PAGE = 'pages/notices/index';

/** The world's cards, every state a reader meets (open, scheduled, closed, withdrawn). */
const CARDS = worldNoticeCards();
/** Ten cards for a full first page (the world's, repeated under new ids). */
const TEN = worldNoticeCardsPage(10);
const byState = (state: NoticeCardView['state'], unit?: 'workday' | 'calendar_day') =>
  CARDS.find((c) => c.state === state && (!unit || c.window.unit === unit))!;

/** notices.list over a fixed list, a page at a time, like the server. */
function listServer(all: NoticeCardView[]) {
  return (input: Input<'notices.list'>) => {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const items = all.slice((page - 1) * pageSize, page * pageSize);
    return ok({ items, page, pageSize, hasMore: page * pageSize < all.length });
  };
}

const ids = (p: { instance: { data: { items: { id: string }[] } } }) => p.instance.data.items.map((i) => i.id);

describe('公示 tab', () => {
  it('lists the visible notices in the server’s order, open ones first, with kind, unit, state and time', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer(CARDS) } });
    expect(p.callsOf('notices.list')[0].input).toEqual({ scope: 'visible', page: 1, pageSize: 10 });
    expect(ids(p)).toEqual(CARDS.map((c) => c.id));
    expect(p.count('.notice')).toBe(CARDS.length);

    const workday = byState('open', 'workday');
    const open = p.text(`#notice-${workday.id}`);
    expect(open).toContain(workday.kindLabel);
    expect(open).toContain(workday.title);
    expect(open).toContain(workday.unitName);
    expect(open).toContain('公示中');
    expect(open).toContain(`剩余 ${workday.countdown!.remaining} 个工作日`);
    const calendar = byState('open', 'calendar_day');
    expect(p.text(`#notice-${calendar.id}`)).toContain(`剩余 ${calendar.countdown!.remaining} 天`);
    expect(p.text(`#notice-${byState('scheduled').id}`)).toContain('待公示');
    expect(p.text(`#notice-${byState('scheduled').id}`)).not.toContain('节假日安排未公布');
    expect(p.text(`#notice-${byState('closed').id}`)).toContain('已结束');
    expect(p.text(`#notice-${byState('withdrawn').id}`)).toContain('已撤回');
    expect(p.text()).toContain('没有更多了');
  });

  it('says when a window counts holidays not yet announced', async () => {
    const scheduled = byState('scheduled');
    const provisional: NoticeCardView = { ...scheduled, window: { ...scheduled.window, provisional: true } };
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer([provisional]) } });
    expect(p.text(`#notice-${provisional.id}`)).toContain('（节假日安排未公布，暂按法定节假日推算）');
  });

  it('shows how a closed notice ended', async () => {
    const closed = byState('closed');
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer([closed]) } });
    expect(p.text(`#notice-${closed.id}`)).toContain(closed.closed!.outcomeLabel);
  });

  it('loads the next page with 加载更多 and on reaching the bottom, keeping the order', async () => {
    const older = Array.from({ length: 8 }, (_, i) => ({ ...CARDS[i % CARDS.length], id: `n_older_${i}` }));
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer([...TEN, ...older]) } });
    expect(p.count('.notice')).toBe(10);
    await p.tap('#load-more');
    expect(p.callsOf('notices.list').map((c) => (c.input as { page: number }).page)).toEqual([1, 2]);
    expect(p.count('.notice')).toBe(18);
    expect(ids(p).slice(0, 10)).toEqual(TEN.map((c) => c.id));
    expect(p.exists('#load-more')).toBe(false);
    p.instance.onReachBottom();
    await p.settle();
    expect(p.callsOf('notices.list')).toHaveLength(2);
  });

  it('appends on reaching the bottom and drops a notice already shown', async () => {
    const older = CARDS.map((c) => ({ ...c, id: `${c.id}_older` }));
    const page2 = [TEN[9], ...older];
    const p = await loadPage(PAGE, {
      responses: {
        'notices.list': [
          ok({ items: TEN, page: 1, pageSize: 10, hasMore: true }),
          ok({ items: page2, page: 2, pageSize: 10, hasMore: false }),
        ],
      },
    });
    p.instance.onReachBottom();
    await p.settle();
    expect(ids(p)).toEqual([...TEN, ...older].map((c) => c.id));
  });

  it('says 暂无公示 when there is nothing in scope', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'notices.list': ok({ items: [], page: 1, pageSize: 10, hasMore: false }) },
    });
    expect(p.text('#page-state')).toContain('暂无公示');
    expect(p.count('.notice')).toBe(0);
  });

  it('offers a retry when the list fails, and shows the list after it', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'notices.list': [fail('INTERNAL', { id: 'A1B2' }), ok({ items: TEN, page: 1, pageSize: 10, hasMore: false })],
      },
    });
    expect(p.text('#page-state')).toContain('系统繁忙，请稍后重试（编号 A1B2）');
    await p.tap('#page-state >>> #status-action');
    expect(p.count('.notice')).toBe(10);
  });

  it('sends an unbound reader to bind', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': worldReply('notices.list.unbound') } });
    expect(p.text('#page-state')).toContain('完成实名绑定后，才能查看所在组织的公示');
    await p.tap('#page-state >>> #status-action');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('opens a notice and 我的异议', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer(CARDS) } });
    await p.tap(`#notice-${CARDS[1].id}`);
    await p.tap('#my-objections');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices/detail/index?noticeId=${CARDS[1].id}` },
      { method: 'navigateTo', url: '/packages/notices/my-objections/index' },
    ]);
  });

  it('keeps the first screen’s setData small (10 cards ≤ 32 KB)', async () => {
    const m = await measureNoticesSetData(TEN);
    expect(m.cards).toBe(10);
    expect(m.totalKb).toBeLessThanOrEqual(32);
  });
});
