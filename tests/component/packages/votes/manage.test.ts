/** 票决管理 (packages/votes/manage/index): the votes of the branches a secretary manages. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

/** The info party branch's votes as its secretary 林思远 manages them (the demo world's). */
const BRANCH = worldView('votes.list.info_pb');
const SECRETARY = { 'me.get': worldReply('me.get.info_pb_sec'), 'org.tree': worldReply('org.tree.info_pb_sec') };

describe('票决管理', () => {
  it('lists the branch’s votes and opens each where its state needs', async () => {
    const unitId = worldInput('votes.list.info_pb').unitId;
    const p = await loadPage('packages/votes/manage/index', {
      responses: { ...SECRETARY, 'votes.list': ok(BRANCH) },
    });
    expect(p.callsOf('votes.list')[0].input).toEqual({ unitId, page: 1, pageSize: 10 });
    expect(p.text('#unit-cell')).toContain(BRANCH.items[0].unitName);
    expect(p.count('.vote')).toBe(BRANCH.items.length);
    const draft = BRANCH.items.find((c) => c.state === 'draft')!;
    const open = BRANCH.items.find((c) => c.state === 'open')!;
    await p.tap(`#vote-${draft.id}`);
    await p.tap(`#vote-${open.id}`);
    await p.tap('#create-button');
    expect(p.navigations.map((n) => n.url)).toEqual([
      `/packages/votes/prepare/index?voteId=${draft.id}`,
      `/packages/votes/presence/index?voteId=${open.id}`,
      `/packages/votes/create/index?unitId=${unitId}`,
    ]);
  });

  it('turns away someone without vote.manage', async () => {
    const p = await loadPage('packages/votes/manage/index', {
      responses: { 'me.get': worldReply('me.get.sport_pb_cm'), 'org.tree': worldReply('org.tree.sport_pb_cm') },
    });
    expect(p.text('#page-state')).toContain('您没有组织表决的权限');
    expect(p.callsOf('votes.list')).toHaveLength(0);
  });
});
