/** 公示 tab (pages/notices/index): the cards a member sees, paging and the cost of each page of setData. */
import type { Input } from '../../../typings/actions';
import type { NoticeCardView } from '../../../typings/actions/notices';
import { measureNoticesSetData } from '../../../bench/notices-setdata';
import { NOTICE_CARDS, OLDER_NOTICE_CARDS } from '../../support/demo-views/notices';
import { fail, loadPage, ok } from '../harness';

const PAGE = 'pages/notices/index';

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
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer(NOTICE_CARDS) } });
    expect(p.callsOf('notices.list')[0].input).toEqual({ scope: 'visible', page: 1, pageSize: 10 });
    expect(ids(p)).toEqual(NOTICE_CARDS.map((c) => c.id));
    expect(p.count('.notice')).toBe(10);

    const open = p.text('#notice-n-activist-pe');
    expect(open).toContain('入党积极分子确定');
    expect(open).toContain('关于确定王浩然等3名同志为入党积极分子的公示');
    expect(open).toContain('体育学院学生党支部');
    expect(open).toContain('公示中');
    expect(open).toContain('剩余 3 个工作日');
    expect(p.text('#notice-n-acceptance-bb')).toContain('剩余 7 天');
    expect(p.text('#notice-n-honor-league')).toContain('待公示');
    expect(p.text('#notice-n-candidate-info')).toContain('（节假日安排未公布，暂按法定节假日推算）');
    expect(p.text('#notice-n-honor-league')).not.toContain('节假日安排未公布');
    expect(p.text('#notice-n-activist-lit')).toContain('已结束');
    expect(p.text('#notice-n-backbone-robot')).toContain('已撤回');
    expect(p.text()).toContain('没有更多了');
  });

  it('shows how a closed notice ended', async () => {
    const closed: NoticeCardView = {
      ...NOTICE_CARDS[5],
      state: 'closed',
      closed: { at: '', outcome: 'objections_pending', outcomeLabel: '尚有异议待处理' },
    };
    const p = await loadPage(PAGE, {
      responses: { 'notices.list': ok({ items: [closed], page: 1, pageSize: 10, hasMore: false }) },
    });
    expect(p.text(`#notice-${closed.id}`)).toContain('尚有异议待处理');
  });

  it('loads the next page with 加载更多 and on reaching the bottom, keeping the order', async () => {
    const older = Array.from({ length: 8 }, (_, i) => ({ ...OLDER_NOTICE_CARDS[i % 2], id: `n-older-${i}` }));
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer([...NOTICE_CARDS, ...older]) } });
    expect(p.count('.notice')).toBe(10);
    await p.tap('#load-more');
    expect(p.callsOf('notices.list').map((c) => (c.input as { page: number }).page)).toEqual([1, 2]);
    expect(p.count('.notice')).toBe(18);
    expect(ids(p).slice(0, 10)).toEqual(NOTICE_CARDS.map((c) => c.id));
    expect(p.exists('#load-more')).toBe(false);
    p.instance.onReachBottom();
    await p.settle();
    expect(p.callsOf('notices.list')).toHaveLength(2);
  });

  it('appends on reaching the bottom and drops a notice already shown', async () => {
    const page2 = [NOTICE_CARDS[9], ...OLDER_NOTICE_CARDS];
    const p = await loadPage(PAGE, {
      responses: {
        'notices.list': [
          ok({ items: NOTICE_CARDS, page: 1, pageSize: 10, hasMore: true }),
          ok({ items: page2, page: 2, pageSize: 10, hasMore: false }),
        ],
      },
    });
    p.instance.onReachBottom();
    await p.settle();
    expect(ids(p)).toEqual([...NOTICE_CARDS, ...OLDER_NOTICE_CARDS].map((c) => c.id));
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
        'notices.list': [
          fail('INTERNAL', { id: 'A1B2' }),
          ok({ items: NOTICE_CARDS, page: 1, pageSize: 10, hasMore: false }),
        ],
      },
    });
    expect(p.text('#page-state')).toContain('系统繁忙，请稍后重试（编号 A1B2）');
    await p.tap('#page-state >>> #status-action');
    expect(p.count('.notice')).toBe(10);
  });

  it('sends an unbound reader to bind', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': fail('NOT_BOUND') } });
    expect(p.text('#page-state')).toContain('完成实名绑定后，才能查看所在组织的公示');
    await p.tap('#page-state >>> #status-action');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
  });

  it('opens a notice and 我的异议', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': listServer(NOTICE_CARDS) } });
    await p.tap('#notice-n-tuiyou-2301');
    await p.tap('#my-objections');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/notices/detail/index?noticeId=n-tuiyou-2301' },
      { method: 'navigateTo', url: '/packages/notices/my-objections/index' },
    ]);
  });

  it('keeps the first screen’s setData small (10 cards ≤ 32 KB)', async () => {
    const m = await measureNoticesSetData();
    expect(m.cards).toBe(10);
    expect(m.totalKb).toBeLessThanOrEqual(32);
  });
});
