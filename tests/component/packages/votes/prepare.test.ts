/** 表决准备 (packages/votes/prepare/index): exclusions, 监票人 and 计票人, then opening the vote. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

/** The demo world's conversion vote in draft as the info party branch's secretary prepares it, and its members. */
const DRAFT = worldView('votes.get.conversion_draft.secretary');
const MEMBERS = worldView('people.list.info_pb');
const nameOf = (id: string) => MEMBERS.items.find((m) => m.id === id)!.name;

describe('表决准备', () => {
  it('opens the vote with the approved officials and an approved exclusion', async () => {
    // What the world's secretary sent to votes.open.
    const sent = worldInput('votes.open.conversion_draft');
    const excluded = sent.exclusions![0];
    const p = await loadPage('packages/votes/prepare/index', {
      query: { voteId: DRAFT.id },
      responses: {
        'votes.get': ok(DRAFT),
        'people.list': ok(MEMBERS),
        'votes.open': worldReply('votes.open.conversion_draft'),
      },
    });
    expect(p.text('#candidates')).toContain(DRAFT.candidates[0].name);
    expect(p.text('#roster')).toContain('开始表决时');

    await p.tap('#open-button');
    expect(p.text('#officials-error')).toContain('请指定经会议通过的监票人和计票人');

    await p.tap('#scrutineers-cell');
    await p.tap(`#people-picker >>> #pp-${sent.scrutineerIds[0]}`);
    await p.tap('#people-picker >>> #pp-confirm');
    await p.tap('#tellers-cell');
    await p.tap(`#people-picker >>> #pp-${sent.tellerIds[0]}`);
    await p.tap('#people-picker >>> #pp-confirm');
    expect(p.text('#scrutineers-cell')).toContain(nameOf(sent.scrutineerIds[0]));

    await p.tap('#add-exclusion');
    await p.tap('#excluded-person-cell');
    await p.tap(`#people-picker >>> #pp-${excluded.personId}`);
    await p.tap('#people-picker >>> #pp-confirm');
    await p.trigger('#reason-picker', 'confirm', { value: [excluded.reason], label: [''] });
    await p.trigger('#approval-input', 'change', { value: excluded.higherApproval });
    await p.tap('#exclusion-add-button');
    expect(p.text('#exclusion-error')).toBe('不计入应到人数须经会议同意');
    await p.tap('#agreed-toggle');
    await p.tap('#exclusion-add-button');
    expect(p.text(`#exclusion-${excluded.personId}`)).toContain('因私出国（境）6个月以上');

    await p.tap('#open-button');
    expect(p.text('#open-dialog')).toContain('应到名单即冻结');
    await p.trigger('#open-dialog', 'confirm');
    expect(p.callsOf('votes.open').map((c) => c.input)).toEqual([sent]);
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: `/packages/votes/presence/index?voteId=${DRAFT.id}` }]);
  });

  it('cancels a vote that will not be held only with a reason, then goes back', async () => {
    // The world's League branch secretary cancelled the branch election with this reason.
    const sent = worldInput('votes.cancel.league_branch_election_draft');
    const draft = worldView('votes.get.league_branch_election_draft.secretary');
    const p = await loadPage('packages/votes/prepare/index', {
      query: { voteId: draft.id },
      responses: {
        'votes.get': ok(draft),
        'people.list': ok(MEMBERS),
        'votes.cancel': worldReply('votes.cancel.league_branch_election_draft'),
      },
    });
    await p.tap('#cancel-vote-button');
    expect(p.text('#cancel-dialog')).toContain('取消后不能再开始');
    expect(p.exists('#cancel-dialog >>> #reason-error')).toBe(false);
    await p.trigger('#cancel-dialog >>> #reason-dialog', 'confirm');
    expect(p.text('#cancel-dialog >>> #reason-error')).toBe('请写明取消的理由');
    expect(p.callsOf('votes.cancel')).toHaveLength(0);
    await p.trigger('#cancel-dialog >>> #reason-input', 'change', { value: sent.reason });
    expect(p.exists('#cancel-dialog >>> #reason-error')).toBe(false);
    await p.trigger('#cancel-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('votes.cancel').map((c) => c.input)).toEqual([sent]);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});
