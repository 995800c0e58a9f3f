/**
 * 临时支部考察 (packages/pipeline/assess/index), fed by the demo world's recordings: a temporary branch's secretary
 * sees their members on the development path by name and home branch, and opens the assessment form addressed by
 * person, sent from the temporary branch (D6: records flow home); the empty list and a refusal say so.
 */
import { worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/assess/index';
/** 唐诗雨, secretary of the 太极拳社 temporary League branch: 沈可欣 is on the path. */
const TAIJI = worldView('pipeline.assessable.taiji_secretary');

describe('临时支部考察', () => {
  it('lists the members by name and home branch, never the stage, and opens the assessment form sent from the temporary branch', async () => {
    const p = await loadPage(PAGE, { responses: { 'pipeline.assessable': ok(TAIJI) } });
    const [row] = TAIJI.items;
    const line = p.text(`#member-${row.personId}`);
    expect(line).toContain('沈可欣');
    expect(line).toContain(row.homeBranchName);
    expect(line).toContain(row.unitName);
    expect(line).not.toContain('入党申请人');
    expect(p.callsOf('pipeline.assessable')[0].input).toEqual({ page: 1, pageSize: 20 });
    await p.tap(`#member-${row.personId}`);
    const url = p.navigations[0].url ?? '';
    expect(url.startsWith('/packages/pipeline/act/index?')).toBe(true);
    const query = Object.fromEntries(new URLSearchParams(url.split('?')[1]));
    expect(query).toEqual({
      form: 'assessment',
      personId: row.personId,
      unitId: row.unitId,
      personName: row.personName,
      unitName: row.unitName,
    });
  });

  it('says when nobody in the temporary branch is on the development path', async () => {
    const p = await loadPage(PAGE, {
      responses: { 'pipeline.assessable': worldReply('pipeline.assessable.vol_secretary') },
    });
    expect(p.text('#page-state')).toContain('本临时支部暂无正在培养考察的成员');
  });

  it('shows the refusal to someone who is no temporary branch’s officer, and loads again on request', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'pipeline.assessable': [worldReply('pipeline.assessable.student'), fail('INTERNAL'), ok(TAIJI)],
      },
    });
    expect(p.text('#page-state')).toContain('该对象不在您的管理范围内');
    await p.tap('#page-state >>> #status-action');
    expect(p.text('#page-state')).toContain('系统繁忙');
    await p.tap('#page-state >>> #status-action');
    expect(p.text(`#member-${TAIJI.items[0].personId}`)).toContain('沈可欣');
  });

  it('loads the next page on request', async () => {
    const bball = worldView('pipeline.assessable.bball_secretary');
    const p = await loadPage(PAGE, {
      responses: {
        'pipeline.assessable': (input) =>
          input.page === 1 ? ok({ ...TAIJI, hasMore: true }) : ok({ ...bball, page: 2 }),
      },
    });
    await p.tap('#more-button');
    expect(p.callsOf('pipeline.assessable')[1].input).toEqual({ page: 2, pageSize: 20 });
    expect(p.text(`#member-${bball.items[0].personId}`)).toContain('谢天宇');
    expect(p.exists('#more-button')).toBe(false);
  });
});
