/** 我的异议 (packages/notices/my-objections/index): the objections a member sent and how they were handled. */
import type { MyObjectionView } from '../../../../typings/actions/notices';
import { MY_OBJECTIONS, myObjectionsPage } from '../../../support/demo-views/notices';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/notices/my-objections/index';

describe('我的异议', () => {
  it('lists my objections with where each stands and how it was handled', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.myObjections': ok(myObjectionsPage()) } });
    expect(p.callsOf('notices.myObjections')[0].input).toEqual({ page: 1, pageSize: 20 });
    const pending = p.text('#objection-mo-1');
    expect(pending).toContain(MY_OBJECTIONS[0].noticeTitle);
    expect(pending).toContain('待核实');
    expect(pending).toContain('匿名提交 · 2026-11-21 21:18');
    expect(pending).toContain('负责的组织正在核实');
    const handled = p.text('#objection-mo-2');
    expect(handled).toContain('异议成立');
    expect(handled).toContain('实名提交');
    expect(handled).toContain('经查阅入党申请书原件');
    expect(handled).toContain('吴欣然 · 2026-11-05 09:30');
  });

  it('pages with 加载更多 and on reaching the bottom', async () => {
    const many: MyObjectionView[] = Array.from({ length: 25 }, (_, i) => ({ ...MY_OBJECTIONS[i % 2], id: `mo-${i}` }));
    const p = await loadPage(PAGE, {
      responses: {
        'notices.myObjections': (input) => {
          const page = input.page ?? 1;
          return ok({
            items: many.slice((page - 1) * 20, page * 20),
            page,
            pageSize: 20,
            hasMore: page * 20 < many.length,
          });
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
    const p = await loadPage(PAGE, { responses: { 'notices.myObjections': ok(myObjectionsPage()) } });
    await p.tap('#objection-mo-2 .mine-card__notice');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/notices/detail/index?noticeId=n-activist-lit' },
    ]);
  });

  it('says so when there are none, and offers a retry on failure', async () => {
    const empty = await loadPage(PAGE, { responses: { 'notices.myObjections': ok(myObjectionsPage([])) } });
    expect(empty.text('#page-state')).toContain('您还没有提出过异议');
    const broken = await loadPage(PAGE, {
      responses: { 'notices.myObjections': [fail('INTERNAL'), ok(myObjectionsPage())] },
    });
    expect(broken.text('#page-state')).toContain('系统繁忙，请稍后重试');
    await broken.tap('#page-state >>> #status-action');
    expect(broken.count('.mine-card')).toBe(2);
  });
});
