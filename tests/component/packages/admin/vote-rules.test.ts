/**
 * 表决规则设置 (packages/admin/vote-rules/index): the committees see each kind's thresholds and set a stricter one; the
 * server's refusal shows in place. The settings are the demo world's (the party committee asks two thirds present at
 * an acceptance, the League committee lowered the 推优 share to 13%), as the school's administrator reads them.
 */
import { VOTE_KINDS } from '../../../../typings/vocabulary';
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage } from '../../harness';

const PAGE = 'packages/admin/vote-rules/index';
const SETTINGS = worldReply('votes.ruleSettings.admin');

describe('表决规则设置', () => {
  it('lists every kind with its thresholds and whether the school set its own', async () => {
    const p = await loadPage(PAGE, { responses: { 'votes.ruleSettings': SETTINGS } });
    expect(p.count('.rule-kind')).toBe(VOTE_KINDS.length);
    expect(p.text('#kind-tuiyou')).toContain('推荐人数不超过团员总数的13%');
    expect(p.text('#kind-tuiyou')).toContain('本校设置');
    expect(p.text('#kind-acceptance')).toContain('本校设置');
    expect(p.text('#kind-conversion')).toContain('全国默认');
    expect(p.text('#updated')).toContain(worldView('votes.ruleSettings.admin').updatedBy!);
  });

  it('offers only the national share and stricter ones, and sends just what differs from the national rule', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'votes.ruleSettings': [SETTINGS, SETTINGS],
        'votes.setRuleSettings': worldReply('votes.setRuleSettings.acceptance'),
      },
    });
    await p.tap('#kind-acceptance');
    expect(p.text('#quorum-cell')).toContain('三分之二');
    expect(p.instance.data.form.quorumOptions.map((o: { label: string }) => o.label)).toEqual([
      '半数（默认）',
      '五分之三',
      '三分之二',
      '四分之三',
      '五分之四',
    ]);
    expect(p.exists('#quota-input')).toBe(false);
    await p.tap('#quorum-cell');
    await p.trigger('#share-picker', 'confirm', { value: ['3/4'], label: ['四分之三'] });
    expect(p.text('#quorum-cell')).toContain('四分之三');
    await p.tap('#save-button');
    expect(p.callsOf('votes.setRuleSettings').map((c) => c.input)).toEqual([
      worldInput('votes.setRuleSettings.acceptance'),
    ]);
    expect(p.toasts).toEqual(['已保存，此后发起的表决按新标准执行']);
  });

  it('checks the quota is a whole percentage before sending, and shows the rule it would loosen', async () => {
    const refused = worldReply('votes.setRuleSettings.looser');
    const p = await loadPage(PAGE, {
      responses: { 'votes.ruleSettings': SETTINGS, 'votes.setRuleSettings': refused },
    });
    await p.tap('#kind-party_evaluation');
    await p.trigger('#quota-input', 'change', { value: '12.5' });
    await p.tap('#save-button');
    expect(p.text('#quota-error')).toContain('1 到 100 之间的整数');
    expect(p.callsOf('votes.setRuleSettings')).toHaveLength(0);
    const quota = worldInput('votes.setRuleSettings.looser').overrides.excellentQuota!;
    await p.trigger('#quota-input', 'change', { value: String((100 * quota.num) / quota.den) });
    await p.tap('#save-button');
    expect(p.callsOf('votes.setRuleSettings').map((c) => c.input)).toEqual([
      worldInput('votes.setRuleSettings.looser'),
    ]);
    expect(refused.ok).toBe(false);
    expect(p.text('#quota-error')).toContain(refused.ok ? '' : refused.error.fields!.excellentQuota);
  });

  it('shows the share the school set in the form', async () => {
    const p = await loadPage(PAGE, { responses: { 'votes.ruleSettings': SETTINGS } });
    await p.tap('#kind-tuiyou');
    expect(p.instance.data.form.quotaPercent).toBe('13');
  });

  it('restores the national defaults with an empty setting', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'votes.ruleSettings': SETTINGS,
        'votes.setRuleSettings': worldReply('votes.setRuleSettings.restore'),
      },
    });
    await p.tap('#kind-tuiyou');
    await p.tap('#restore-button');
    expect(p.callsOf('votes.setRuleSettings').map((c) => c.input)).toEqual([
      worldInput('votes.setRuleSettings.restore'),
    ]);
  });

  it('turns away someone without the right', async () => {
    const p = await loadPage(PAGE, { responses: { 'votes.ruleSettings': worldReply('votes.ruleSettings.student') } });
    expect(p.text('#page-state')).toContain('您没有查看表决规则设置的权限');
  });
});
