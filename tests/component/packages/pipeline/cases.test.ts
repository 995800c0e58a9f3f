/**
 * 本支部发展档案 (packages/pipeline/cases/index): the branch's cases by stage and overdue, a page at a time, reached
 * from the case page and the to-do list; all from the demo world's recordings.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/cases/index';
const QUERY = { branchId: 'u_sport_pb', branchName: '体育学院学生党支部' };

describe('本支部发展档案', () => {
  it('lists the branch’s cases in due order, the overdue one marked, and opens a case', async () => {
    const all = worldView('pipeline.list.sport.secretary');
    const p = await loadPage(PAGE, { query: QUERY, responses: { 'pipeline.list': ok(all) } });
    expect(p.callsOf('pipeline.list')[0].input).toEqual(worldInput('pipeline.list.sport.secretary'));
    const first = all.items[0];
    expect(p.text(`#case-${first.caseId}`)).toContain(first.personName);
    expect(p.text(`#case-${first.caseId}`)).toContain('已逾期');
    await p.tap(`#case-${first.caseId}`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/pipeline/case/index?caseId=${first.caseId}` },
    ]);
  });

  it('filters by overdue and by stage, and says when nothing matches', async () => {
    const p = await loadPage(PAGE, {
      query: QUERY,
      responses: {
        'pipeline.list': [
          worldReply('pipeline.list.sport.secretary'),
          worldReply('pipeline.list.sport.overdue'),
          worldReply('pipeline.list.sport.secretary'),
          worldReply('pipeline.list.sport.candidates'),
        ],
      },
    });
    await p.tap('#overdue-filter');
    expect(p.callsOf('pipeline.list')[1].input).toEqual(worldInput('pipeline.list.sport.overdue'));
    await p.tap('#overdue-filter');
    expect(p.callsOf('pipeline.list')[2].input).toEqual(worldInput('pipeline.list.sport.secretary'));
    await p.tap('#stage-development_candidate');
    expect(p.callsOf('pipeline.list')[3].input).toEqual(worldInput('pipeline.list.sport.candidates'));
    expect(p.text('#page-state')).toContain('没有符合条件的发展档案');
  });

  // The world's branch has several cases: recorded a case a page, so the list pages as a long one would.
  it('loads the next page on request', async () => {
    const one = worldView('pipeline.list.sport.page1of2');
    const two = worldView('pipeline.list.sport.page2of2');
    const p = await loadPage(PAGE, { query: QUERY, responses: { 'pipeline.list': [ok(one), ok(two)] } });
    expect(p.exists(`#case-${two.items[0].caseId}`)).toBe(false);
    await p.tap('#more-button');
    expect(p.callsOf('pipeline.list')[1].input).toMatchObject({ branchId: 'u_sport_pb', page: 2 });
    expect(p.text(`#case-${two.items[0].caseId}`)).toContain(two.items[0].personName);
    // 加载更多 stays while the server says more follow.
    expect(p.exists('#more-button')).toBe(two.hasMore);
  });

  it('tells a student the list is not theirs to see', async () => {
    const p = await loadPage(PAGE, {
      query: QUERY,
      responses: { 'pipeline.list': worldReply('pipeline.list.student') },
    });
    expect(p.text('#page-state')).toContain('不在您的管理范围内');
  });

  it('is reached from a case and from the to-do list', async () => {
    const kase = worldView('pipeline.get.overdue.secretary');
    const c = await loadPage('packages/pipeline/case/index', {
      query: { caseId: kase.caseId },
      responses: { 'pipeline.get': ok(kase) },
    });
    await c.tap('#open-cases');
    await c.tap('#act-step');
    expect(c.navigations).toEqual([
      {
        method: 'navigateTo',
        url: `/packages/pipeline/cases/index?branchId=${kase.branchId}&branchName=${encodeURIComponent(kase.branchName)}`,
      },
      { method: 'navigateTo', url: `/packages/pipeline/act/index?caseId=${kase.caseId}&form=step` },
    ]);
    const todo = worldView('pipeline.todo.secretary');
    const t = await loadPage('packages/pipeline/todo/index', { responses: { 'pipeline.todo': ok(todo) } });
    await t.tap(`#cases-${todo[0].branchId}`);
    expect(t.navigations[0].url).toContain(`/packages/pipeline/cases/index?branchId=${todo[0].branchId}`);
  });
});
