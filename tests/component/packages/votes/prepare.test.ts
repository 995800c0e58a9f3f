/** 表决准备 (packages/votes/prepare/index): exclusions, 监票人 and 计票人, then opening the vote. */
import { CONVERSION, conversionView, membersPage } from '../../../support/demo-views/votes';
import { loadPage, ok } from '../../harness';

describe('表决准备', () => {
  it('opens the vote with the approved officials and an approved exclusion', async () => {
    const p = await loadPage('packages/votes/prepare/index', {
      query: { voteId: CONVERSION.id },
      responses: {
        'votes.get': ok(conversionView()),
        'people.list': ok(membersPage()),
        'votes.open': ok({ voteId: CONVERSION.id, expected: 10, openedAt: '', checkInCode: '482913' }),
      },
    });
    expect(p.text('#candidates')).toContain('李雨桐');
    expect(p.text('#roster')).toContain('开始表决时');

    await p.tap('#open-button');
    expect(p.text('#officials-error')).toContain('请指定经会议通过的监票人和计票人');

    await p.tap('#scrutineers-cell');
    await p.tap('#people-picker >>> #pp-p-dengjq');
    await p.tap('#people-picker >>> #pp-confirm');
    await p.tap('#tellers-cell');
    await p.tap('#people-picker >>> #pp-p-xuwb');
    await p.tap('#people-picker >>> #pp-confirm');
    expect(p.text('#scrutineers-cell')).toContain('邓佳琪');

    await p.tap('#add-exclusion');
    await p.tap('#excluded-person-cell');
    await p.tap('#people-picker >>> #pp-p-max');
    await p.tap('#people-picker >>> #pp-confirm');
    await p.trigger('#reason-picker', 'confirm', { value: ['abroad_private'], label: [''] });
    await p.trigger('#approval-input', 'change', { value: '体院党委〔2026〕12号' });
    await p.tap('#exclusion-add-button');
    expect(p.text('#exclusion-error')).toBe('不计入应到人数须经会议同意');
    await p.tap('#agreed-toggle');
    await p.tap('#exclusion-add-button');
    expect(p.text('#exclusion-p-max')).toContain('因私出国（境）6个月以上');

    await p.tap('#open-button');
    expect(p.text('#open-dialog')).toContain('应到名单即冻结');
    await p.trigger('#open-dialog', 'confirm');
    expect(p.callsOf('votes.open').map((c) => c.input)).toEqual([
      {
        voteId: CONVERSION.id,
        scrutineerIds: ['p-dengjq'],
        tellerIds: ['p-xuwb'],
        exclusions: [
          { personId: 'p-max', reason: 'abroad_private', higherApproval: '体院党委〔2026〕12号', meetingAgreed: true },
        ],
      },
    ]);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/votes/presence/index?voteId=${CONVERSION.id}` },
    ]);
  });

  it('cancels a vote that will not be held only with a reason, then goes back', async () => {
    const p = await loadPage('packages/votes/prepare/index', {
      query: { voteId: CONVERSION.id },
      responses: {
        'votes.get': ok(conversionView()),
        'people.list': ok(membersPage()),
        'votes.cancel': ok({ voteId: CONVERSION.id, state: 'cancelled' }),
      },
    });
    await p.tap('#cancel-vote-button');
    expect(p.text('#cancel-dialog')).toContain('取消后不能再开始');
    expect(p.exists('#cancel-dialog >>> #reason-error')).toBe(false);
    await p.trigger('#cancel-dialog >>> #reason-dialog', 'confirm');
    expect(p.text('#cancel-dialog >>> #reason-error')).toBe('请写明取消的理由');
    expect(p.callsOf('votes.cancel')).toHaveLength(0);
    await p.trigger('#cancel-dialog >>> #reason-input', 'change', { value: '会议改期，重新发起' });
    expect(p.exists('#cancel-dialog >>> #reason-error')).toBe(false);
    await p.trigger('#cancel-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('votes.cancel').map((c) => c.input)).toEqual([
      { voteId: CONVERSION.id, reason: '会议改期，重新发起' },
    ]);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});
