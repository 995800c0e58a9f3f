/** 我的异议 (packages/notices/my-objections/index): the objections a member sent and how they were handled. */
import type { MyObjectionView } from '../../../../typings/actions/notices';
import { worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/notices/my-objections/index';

/** 邓凯's anonymous objection, still being looked into; 彭悦's real-name one, upheld (the demo world's). */
const PENDING = worldView('notices.myObjections.pending').items[0];
const HANDLED = worldView('notices.myObjections.handled').items[0];
const MINE = [PENDING, HANDLED];
const page = (items: MyObjectionView[], hasMore = false) => ok({ items, page: 1, pageSize: 20, hasMore });
/** An ISO instant → 2026-11-16 09:00 (the recorded instants carry +08:00). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

describe('我的异议', () => {
  it('lists my objections with where each stands and how it was handled', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.myObjections': page(MINE) } });
    expect(p.callsOf('notices.myObjections')[0].input).toEqual({ page: 1, pageSize: 20 });
    const pending = p.text(`#objection-${PENDING.id}`);
    expect(pending).toContain(PENDING.noticeTitle);
    expect(pending).toContain('待核实');
    expect(pending).toContain(`匿名提交 · ${minute(PENDING.submittedAt)}`);
    expect(pending).toContain('负责的组织正在核实');
    const handled = p.text(`#objection-${HANDLED.id}`);
    expect(handled).toContain(HANDLED.handling!.outcomeLabel);
    expect(handled).toContain('实名提交');
    expect(handled).toContain(HANDLED.handling!.investigation);
    expect(handled).toContain(`${HANDLED.handling!.handledByName} · ${minute(HANDLED.handling!.handledAt)}`);
  });

  it('pages with 加载更多 and on reaching the bottom', async () => {
    const many: MyObjectionView[] = Array.from({ length: 25 }, (_, i) => ({ ...MINE[i % 2], id: `obj_${i}` }));
    const p = await loadPage(PAGE, {
      responses: {
        'notices.myObjections': (input) => {
          const n = input.page ?? 1;
          return ok({ items: many.slice((n - 1) * 20, n * 20), page: n, pageSize: 20, hasMore: n * 20 < many.length });
        },
      },
    });
    expect(p.count('.mine-card')).toBe(20);
    p.instance.onReachBottom();
    await p.settle();
    expect(p.count('.mine-card')).toBe(25);
    expect(p.exists('#load-more')).toBe(false);
    expect(p.callsOf('notices.myObjections').map((c) => (c.input as { page: number }).page)).toEqual([1, 2]);
  });

  it('opens the notice an objection was about', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.myObjections': page(MINE) } });
    await p.tap(`#objection-${HANDLED.id} .mine-card__notice`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices/detail/index?noticeId=${HANDLED.noticeId}` },
    ]);
  });

  it('says so when there are none, and offers a retry on failure', async () => {
    const empty = await loadPage(PAGE, {
      responses: { 'notices.myObjections': worldReply('notices.myObjections.none') },
    });
    expect(empty.text('#page-state')).toContain('您还没有提出过异议');
    const broken = await loadPage(PAGE, { responses: { 'notices.myObjections': [fail('INTERNAL'), page(MINE)] } });
    expect(broken.text('#page-state')).toContain('系统繁忙，请稍后重试');
    await broken.tap('#page-state >>> #status-action');
    expect(broken.count('.mine-card')).toBe(2);
  });
});
