/** 绑定审核 (packages/admin/bindings/index): the pending list, paging and approving or rejecting with a reason. */
import type { Input } from '../../../../typings/actions';
import { worldInput, worldPendingClaimsPage, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/admin/bindings/index';

/**
 * `n` claims of the demo world that compete with no other (a list longer than the world's repeats them under new
 * ids), so that approving one needs no confirmation.
 */
const plain = (n: number) =>
  worldPendingClaimsPage(n * 5)
    .filter((c) => c.competingWith.length === 0)
    .slice(0, n);

/** bindings.listPending served from a list that decisions really shrink, like the server's; answers are the world's. */
function pendingServer(total: number) {
  const pending = plain(total);
  return {
    pending,
    listPending: (input: Input<'bindings.listPending'>) => {
      const page = input.page ?? 1;
      const pageSize = input.pageSize ?? 20;
      const items = pending.slice((page - 1) * pageSize, page * pageSize);
      return ok({ items, page, pageSize, hasMore: page * pageSize < pending.length });
    },
    decide: (input: Input<'bindings.decide'>) => {
      const i = pending.findIndex((b) => b.id === input.bindingId);
      if (i < 0) return fail('BINDING_NOT_PENDING');
      pending.splice(i, 1);
      return worldReply(input.approve ? 'bindings.decide.approve' : 'bindings.decide.reject');
    },
  };
}

describe('绑定审核', () => {
  it('lists a page of pending applications with name, student number, college and roster match', async () => {
    const server = pendingServer(3);
    const p = await loadPage(PAGE, { responses: { 'bindings.listPending': server.listPending } });
    expect(p.callsOf('bindings.listPending')[0].input).toEqual({ page: 1, pageSize: 20 });
    expect(p.count('.review-card')).toBe(3);
    for (const claim of server.pending) {
      const card = p.text(`#binding-${claim.id}`);
      expect(card).toContain(claim.name);
      expect(card).toContain(`学号 ${claim.studentNo}`);
      expect(card).toContain(claim.collegeName);
      expect(card).toContain(claim.rosterMatch ? '花名册已匹配' : '花名册无此人');
    }
    expect(server.pending.map((c) => c.rosterMatch)).toContain(false);
    expect(p.text()).toContain('没有更多了');
  });

  it('loads the next page with 加载更多 and on reaching the bottom', async () => {
    const server = pendingServer(45);
    const p = await loadPage(PAGE, { responses: { 'bindings.listPending': server.listPending } });
    expect(p.count('.review-card')).toBe(20);
    await p.tap('#load-more');
    expect(p.callsOf('bindings.listPending').map((c) => c.input)).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20 },
    ]);
    expect(p.count('.review-card')).toBe(40);
    p.instance.onReachBottom();
    await p.settle();
    expect(p.count('.review-card')).toBe(45);
    expect(p.exists('#load-more')).toBe(false);
    p.instance.onReachBottom();
    await p.settle();
    expect(p.callsOf('bindings.listPending')).toHaveLength(3);
  });

  it('approves an application and removes it from the list', async () => {
    const server = pendingServer(3);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': server.decide },
    });
    const target = server.pending[1];
    await p.tap(`#binding-${target.id} .approve-button`);
    expect(p.callsOf('bindings.decide').map((c) => c.input)).toEqual([{ bindingId: target.id, approve: true }]);
    expect(p.exists(`#binding-${target.id}`)).toBe(false);
    expect(p.count('.review-card')).toBe(2);
    expect(p.toasts).toEqual(['已通过']);
  });

  it('rejects with the reason typed into the dialog', async () => {
    const server = pendingServer(2);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': server.decide },
    });
    const target = server.pending[0];
    await p.tap(`#binding-${target.id} .reject-button`);
    expect(p.instance.data.reject.visible).toBe(true);
    expect(p.text('#reject-dialog')).toContain(`驳回 ${target.name} 的申请`);

    await p.trigger('#reject-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('bindings.decide')).toHaveLength(0);
    expect(p.text('#reject-dialog >>> #reason-error')).toContain('请填写驳回理由');

    await p.trigger('#reject-dialog >>> #reason-input', 'change', { value: '  学号与姓名不一致 ' });
    await p.trigger('#reject-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('bindings.decide').map((c) => c.input)).toEqual([
      { bindingId: target.id, approve: false, reason: '学号与姓名不一致' },
    ]);
    expect(p.instance.data.reject.visible).toBe(false);
    expect(p.exists(`#binding-${target.id}`)).toBe(false);
    expect(p.toasts).toEqual(['已驳回']);
  });

  it('closes the reject dialog on cancel without deciding', async () => {
    const server = pendingServer(1);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': server.decide },
    });
    await p.tap('.reject-button');
    await p.trigger('#reject-dialog >>> #reason-dialog', 'cancel');
    expect(p.instance.data.reject.visible).toBe(false);
    expect(p.callsOf('bindings.decide')).toHaveLength(0);
    expect(p.count('.review-card')).toBe(1);
  });

  it('keeps paging correct after decisions shrink the server’s list', async () => {
    const server = pendingServer(25);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': server.decide },
    });
    for (const claim of server.pending.slice(0, 3)) await p.tap(`#binding-${claim.id} .approve-button`);
    expect(p.count('.review-card')).toBe(17);
    await p.tap('#load-more');
    // 22 remain on the server; every one of them is now shown exactly once.
    expect(p.count('.review-card')).toBe(22);
    expect(new Set(p.instance.data.items.map((i: { id: string }) => i.id)).size).toBe(22);
    expect(p.exists('#load-more')).toBe(false);
  });

  it('drops an application another officer decided first', async () => {
    const server = pendingServer(2);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': fail('BINDING_NOT_PENDING') },
    });
    const first = server.pending[0];
    await p.tap(`#binding-${first.id} .approve-button`);
    expect(p.exists(`#binding-${first.id}`)).toBe(false);
    expect(p.toasts).toEqual(['该绑定申请已处理']);
  });

  it('keeps the application and says why when a decision fails', async () => {
    const server = pendingServer(1);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': fail('OUT_OF_SCOPE') },
    });
    await p.tap('.approve-button');
    expect(p.count('.review-card')).toBe(1);
    expect(p.toasts).toEqual(['该对象不在您的管理范围内']);
  });

  it('shows the empty state when nothing waits, and after the last one is decided', async () => {
    const empty = await loadPage(PAGE, {
      responses: { 'bindings.listPending': worldReply('bindings.listPending.info_officer.empty') },
    });
    expect(empty.text('#page-state')).toContain('暂无待审核的绑定申请');

    const server = pendingServer(1);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': server.listPending, 'bindings.decide': server.decide },
    });
    await p.tap('.approve-button');
    expect(p.text('#page-state')).toContain('暂无待审核的绑定申请');
  });

  it('tells a non-officer they may not review', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': worldReply('bindings.listPending.student') },
    });
    expect(p.text('#page-state')).toContain('您没有审核绑定申请的权限');
    expect(p.count('.review-card')).toBe(0);
    expect(p.exists('#page-state >>> #status-action')).toBe(false);
  });

  it('offers a retry when the list fails to load', async () => {
    const server = pendingServer(2);
    const p = await loadPage(PAGE, {
      responses: { 'bindings.listPending': [fail('INTERNAL'), server.listPending({ page: 1, pageSize: 20 })] },
    });
    expect(p.text('#page-state')).toContain('系统繁忙，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.count('.review-card')).toBe(2);
  });

  describe('competing claims and the tools', () => {
    // The sport college's list in the demo world: 范思琪 claimed twice, once without and once with the binding code
    // the college issued her, and 陆子墨, whom the roster lacks.
    const list = worldReply('bindings.listPending.sport_officer');
    const items = worldView('bindings.listPending.sport_officer').items;
    const coded = items.find((c) => c.secondFactor === 'verified')!;
    const uncoded = items.find((c) => c.secondFactor === 'missing')!;
    const alone = items.find((c) => c.competingWith.length === 0)!;

    it('marks competing claims and approves one only after the officer confirms the choice', async () => {
      const p = await loadPage(PAGE, {
        responses: { 'bindings.listPending': list, 'bindings.decide': worldReply('bindings.decide.competing') },
      });
      expect(coded.competingWith).toEqual([uncoded.id]);
      expect(p.text(`#binding-${coded.id}`)).toContain('身份存疑');
      expect(p.text(`#binding-${coded.id}`)).toContain('同一学号另有 1 份待审核申请');
      expect(p.text(`#binding-${alone.id}`)).not.toContain('身份存疑');

      await p.tap(`#binding-${coded.id} .approve-button`);
      expect(p.callsOf('bindings.decide')).toHaveLength(0);
      expect(p.instance.data.competing.visible).toBe(true);
      expect(p.text('#competing-dialog')).toContain('其余 1 份将被驳回');

      await p.trigger('#competing-dialog >>> #reason-dialog', 'confirm');
      expect(p.callsOf('bindings.decide').map((c) => c.input)).toEqual([worldInput('bindings.decide.competing')]);
      expect(p.exists(`#binding-${coded.id}`)).toBe(false);
      expect(p.exists(`#binding-${uncoded.id}`)).toBe(false);
      expect(p.count('.review-card')).toBe(1);
    });

    it('keeps a claim without the binding code the student must use, and says why', async () => {
      const refused = worldReply('bindings.decide.unverified');
      const p = await loadPage(PAGE, { responses: { 'bindings.listPending': list, 'bindings.decide': refused } });
      await p.tap(`#binding-${uncoded.id} .approve-button`);
      await p.trigger('#competing-dialog >>> #reason-dialog', 'confirm');
      expect(p.callsOf('bindings.decide').map((c) => c.input)).toEqual([worldInput('bindings.decide.unverified')]);
      expect(p.exists(`#binding-${uncoded.id}`)).toBe(true);
      expect(p.toasts).toEqual([refused.ok ? '' : refused.error.message]);
    });

    it('shows whether a claim carried the binding code', async () => {
      const p = await loadPage(PAGE, { responses: { 'bindings.listPending': list } });
      expect(p.text(`#binding-${coded.id}`)).toContain('已核验绑定码');
      expect(p.text(`#binding-${uncoded.id}`)).toContain('未核验绑定码');
      expect(p.text(`#binding-${alone.id}`)).not.toContain('绑定码');
    });

    it('issues a binding code for a student number and shows it once', async () => {
      const { studentNo } = worldInput('bindings.issueCode.fan');
      const p = await loadPage(PAGE, {
        responses: { 'bindings.listPending': list, 'bindings.issueCode': worldReply('bindings.issueCode.fan') },
      });
      await p.tap('#issue-code-button');
      expect(p.callsOf('bindings.issueCode')).toHaveLength(0);
      expect(p.text('#tool-student-no')).toContain('请输入学生的学号');
      await p.trigger('#tool-student-no', 'change', { value: ` ${studentNo} ` });
      await p.tap('#issue-code-button');
      expect(p.callsOf('bindings.issueCode').map((c) => c.input)).toEqual([{ studentNo }]);
      expect(p.text('#issued-code')).toContain(worldView('bindings.issueCode.fan').code);
      expect(p.text('#issued-code')).toContain('仅可使用一次');
    });

    it('revokes a binding with a reason', async () => {
      const revoke = worldInput('bindings.revoke.qin');
      const p = await loadPage(PAGE, {
        responses: { 'bindings.listPending': list, 'bindings.revoke': worldReply('bindings.revoke.qin') },
      });
      await p.trigger('#tool-student-no', 'change', { value: revoke.studentNo });
      await p.tap('#revoke-button');
      expect(p.instance.data.revoke.visible).toBe(true);
      expect(p.text('#revoke-dialog')).toContain(`撤销学号 ${revoke.studentNo} 的实名绑定`);
      await p.trigger('#revoke-dialog >>> #reason-dialog', 'confirm');
      expect(p.callsOf('bindings.revoke')).toHaveLength(0);
      expect(p.text('#revoke-dialog >>> #reason-error')).toContain('请填写撤销理由');
      await p.trigger('#revoke-dialog >>> #reason-input', 'change', { value: revoke.reason });
      await p.trigger('#revoke-dialog >>> #reason-dialog', 'confirm');
      expect(p.callsOf('bindings.revoke').map((c) => c.input)).toEqual([revoke]);
      expect(p.instance.data.revoke.visible).toBe(false);
      expect(p.toasts).toEqual(['已撤销绑定']);
    });
  });
});
