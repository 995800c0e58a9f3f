/** 公示管理 (packages/notices-admin/manage/index): the notices of the units an officer manages. */
import { worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

/** Whose eyes: the branch secretary (manages notices) and a student member (does not), of the demo world. */
const base = (who: 'sport_pb_sec' | 'sport_prob2') => ({
  'me.get': worldReply(`me.get.${who}`),
  'org.tree': worldReply(`org.tree.${who}`),
});

const MANAGED = worldView('notices.managed.officer');

describe('公示管理', () => {
  const PAGE = 'packages/notices-admin/manage/index';

  it('is offered on 我的 to those who manage notices, and only to them', async () => {
    const secretary = await loadPage('pages/me/index', { responses: base('sport_pb_sec') });
    await secretary.tap('#notices-entry');
    expect(secretary.navigations).toEqual([{ method: 'navigateTo', url: '/packages/notices-admin/manage/index' }]);
    expect(secretary.exists('#review-entry')).toBe(false);
    const student = await loadPage('pages/me/index', { responses: base('sport_prob2') });
    expect(student.exists('#notices-entry')).toBe(false);
  });

  it('lists the managed notices, drafts included, and opens one or the form', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': ok(MANAGED) } });
    expect(p.callsOf('notices.list')[0].input).toEqual({ scope: 'managed', page: 1, pageSize: 10 });
    expect(p.count('.notice')).toBe(MANAGED.items.length);
    const draft = MANAGED.items[0];
    expect(draft.state).toBe('draft');
    expect(p.text(`#notice-${draft.id}`)).toContain('草稿');
    // Where objections wait for an investigation, the card says how many.
    const objected = MANAGED.items.find((c) => (c.pendingObjections ?? 0) > 0)!;
    expect(p.text(`#notice-${objected.id}`)).toContain(`${objected.pendingObjections} 条异议待处理`);
    expect(p.text(`#notice-${draft.id}`)).not.toContain('待处理');
    await p.tap(`#notice-${draft.id}`);
    await p.tap('#create-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices/detail/index?noticeId=${draft.id}` },
      { method: 'navigateTo', url: '/packages/notices-admin/edit/index' },
    ]);
  });

  it('tells a student they may not manage notices', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': fail('FORBIDDEN') } });
    expect(p.text('#page-state')).toContain('您没有管理公示的权限');
    expect(p.exists('#create-button')).toBe(false);
  });
});
