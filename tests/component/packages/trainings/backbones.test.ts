/**
 * 社团骨干培训档案 (packages/trainings/backbones/index): 篮球协会's backbones as its advisor 赵磊 sees them in the demo
 * world, each opening their 培训档案; the picker for a reader with several associations; the refusal of another one's
 * advisor. Reached from the 培训 list by those the server names.
 */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/trainings/backbones/index';
const LIST = 'packages/trainings/list/index';
const BACKBONES = worldView('trainings.backbones.advisor');

describe('社团骨干培训档案', () => {
  it('lists the association’s backbones with their posts and opens a 培训档案', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.advisor'),
        'trainings.backbones': worldReply('trainings.backbones.advisor'),
      },
    });
    expect(p.callsOf('trainings.backbones')[0]!.input).toEqual({ associationId: BACKBONES.associationId });
    expect(p.text()).toContain(`${BACKBONES.associationName} · 骨干 ${BACKBONES.backbones.length} 人`);
    expect(p.count('.bb-row')).toBe(BACKBONES.backbones.length);
    for (const b of BACKBONES.backbones) {
      for (const post of b.posts)
        expect(p.text(`#backbone-${b.personId}`)).toContain(`${post.unitName} ${post.roleLabel}`);
    }
    const first = BACKBONES.backbones[0]!;
    await p.tap(`#backbone-${first.personId}`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/trainings/record/index?personId=${first.personId}` },
    ]);
  });

  it('asks which association when the reader looks after several', async () => {
    const several = worldView('trainings.backboneAssociations.sport_officer');
    expect(several.length).toBeGreaterThan(1);
    const p = await loadPage(PAGE, {
      responses: {
        'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.sport_officer'),
        'trainings.backbones': worldReply('trainings.backbones.advisor'),
      },
    });
    expect(p.count('.association')).toBe(several.length);
    expect(p.callsOf('trainings.backbones')).toHaveLength(0);
    await p.tap(`#association-${BACKBONES.associationId}`);
    expect(p.callsOf('trainings.backbones')[0]!.input).toEqual({ associationId: BACKBONES.associationId });
    expect(p.count('.bb-row')).toBe(BACKBONES.backbones.length);
  });

  it('tells another association’s advisor and a reader with none that there is nothing for them', async () => {
    const other = await loadPage(PAGE, {
      query: { associationId: 'u_as_bball' },
      responses: { 'trainings.backbones': worldReply('trainings.backbones.other_advisor') },
    });
    expect(other.text()).toContain('您没有查看该社团骨干培训档案的权限');
    const none = await loadPage(PAGE, {
      responses: { 'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.none') },
    });
    expect(none.text()).toContain('您没有指导或所在的社团');
  });

  it('is offered on the 培训 list to an advisor the server names, and not to a plain student', async () => {
    const p = await loadPage(LIST, {
      responses: {
        'me.get': worldReply('me.get.advisor_bball'),
        'trainings.listOpen': worldReply('trainings.listOpen.advisor_bball'),
        'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.advisor'),
      },
    });
    await p.tap('#open-backbones');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/trainings/backbones/index' }]);
    const committee = await loadPage(LIST, {
      responses: {
        'me.get': worldReply('me.get.sport_pb_cm'),
        'trainings.listOpen': worldReply('trainings.listOpen.student'),
        'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.none'),
      },
    });
    expect(committee.callsOf('trainings.backboneAssociations')).toHaveLength(1);
    expect(committee.exists('#open-backbones')).toBe(false);
    const student = await loadPage(LIST, {
      responses: {
        'me.get': worldReply('me.get.sport_prob2'),
        'trainings.listOpen': worldReply('trainings.listOpen.student'),
      },
    });
    expect(student.callsOf('trainings.backboneAssociations')).toHaveLength(0);
    expect(student.exists('#open-backbones')).toBe(false);
  });
});
