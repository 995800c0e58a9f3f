/** 票决管理 (packages/votes/manage/index): the votes of the branches a secretary manages. */
import {
  ACCEPTANCE,
  BRANCH_CARDS,
  cardsPage,
  CONVERSION,
  ME_PE_SECRETARY,
  ME_PE_VOTER,
  PE_BRANCH,
} from '../../../support/demo-views/votes';
import { UNITS } from '../../../support/demo-views/org';
import { loadPage, ok } from '../../harness';

const SECRETARY = { 'me.get': ok(ME_PE_SECRETARY), 'org.tree': ok({ units: UNITS }) };

describe('票决管理', () => {
  it('lists the branch’s votes and opens each where its state needs', async () => {
    const p = await loadPage('packages/votes/manage/index', {
      responses: { ...SECRETARY, 'votes.list': ok(cardsPage(BRANCH_CARDS)) },
    });
    expect(p.callsOf('votes.list')[0].input).toEqual({ unitId: PE_BRANCH, page: 1, pageSize: 10 });
    expect(p.text('#unit-cell')).toContain('体育学院学生党支部');
    expect(p.count('.vote')).toBe(4);
    await p.tap(`#vote-${CONVERSION.id}`);
    await p.tap(`#vote-${ACCEPTANCE.id}`);
    await p.tap('#create-button');
    expect(p.navigations.map((n) => n.url)).toEqual([
      `/packages/votes/prepare/index?voteId=${CONVERSION.id}`,
      `/packages/votes/presence/index?voteId=${ACCEPTANCE.id}`,
      `/packages/votes/create/index?unitId=${PE_BRANCH}`,
    ]);
  });

  it('turns away someone without vote.manage', async () => {
    const p = await loadPage('packages/votes/manage/index', {
      responses: { 'me.get': ok(ME_PE_VOTER), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.text('#page-state')).toContain('您没有组织表决的权限');
    expect(p.callsOf('votes.list')).toHaveLength(0);
  });
});
