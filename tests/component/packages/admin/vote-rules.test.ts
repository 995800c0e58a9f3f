/**
 * 表决规则设置 (packages/admin/vote-rules/index): the committees see each kind's thresholds and set a stricter one; the
 * server's refusal shows in place.
 */
import { RULE_SETTINGS } from '../../../support/demo-views/votes';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/admin/vote-rules/index';

describe('表决规则设置', () => {
  it('lists every kind with its thresholds and whether the school set its own', async () => {
    const p = await loadPage(PAGE, { responses: { 'votes.ruleSettings': ok(RULE_SETTINGS) } });
    expect(p.count('.rule-kind')).toBe(3);
    expect(p.text('#kind-tuiyou')).toContain('推荐人数不超过团员总数的13%');
    expect(p.text('#kind-tuiyou')).toContain('本校设置');
    expect(p.text('#kind-acceptance')).toContain('全国默认');
    expect(p.text('#updated')).toContain('张晓东');
  });

  it('offers only the national share and stricter ones, and sends just what differs from the national rule', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'votes.ruleSettings': [ok(RULE_SETTINGS), ok(RULE_SETTINGS)],
        'votes.setRuleSettings': ok(RULE_SETTINGS.kinds[0]),
      },
    });
    await p.tap('#kind-acceptance');
    expect(p.text('#quorum-cell')).toContain('半数（默认）');
    expect(p.instance.data.form.quorumOptions.map((o: { label: string }) => o.label)).toEqual([
      '半数（默认）',
      '五分之三',
      '三分之二',
      '四分之三',
      '五分之四',
    ]);
    expect(p.exists('#quota-input')).toBe(false);
    await p.tap('#quorum-cell');
    await p.trigger('#share-picker', 'confirm', { value: ['2/3'], label: ['三分之二'] });
    expect(p.text('#quorum-cell')).toContain('三分之二');
    await p.tap('#save-button');
    expect(p.callsOf('votes.setRuleSettings').map((c) => c.input)).toEqual([
      { kind: 'acceptance', overrides: { quorum: { num: 2, den: 3 } } },
    ]);
    expect(p.toasts).toEqual(['已保存，此后发起的表决按新标准执行']);
  });

  it('checks the quota is a whole percentage before sending, and shows the rule it would loosen', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'votes.ruleSettings': ok(RULE_SETTINGS),
        'votes.setRuleSettings': fail('RULE_OVERRIDE_LOOSER', {
          fields: { recommendQuota: 'B3：推荐人数一般不超过团员总数的 20%' },
        }),
      },
    });
    await p.tap('#kind-tuiyou');
    expect(p.instance.data.form.quotaPercent).toBe('13');
    await p.trigger('#quota-input', 'change', { value: '12.5' });
    await p.tap('#save-button');
    expect(p.text('#quota-error')).toContain('1 到 100 之间的整数');
    expect(p.callsOf('votes.setRuleSettings')).toHaveLength(0);
    await p.trigger('#quota-input', 'change', { value: '25' });
    await p.tap('#save-button');
    expect(p.callsOf('votes.setRuleSettings').map((c) => c.input)).toEqual([
      { kind: 'tuiyou', overrides: { recommendQuota: { num: 25, den: 100 } } },
    ]);
    expect(p.text('#quota-error')).toContain('不超过团员总数的 20%');
  });

  it('restores the national defaults with an empty setting', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        'votes.ruleSettings': ok(RULE_SETTINGS),
        'votes.setRuleSettings': ok(RULE_SETTINGS.kinds[1]),
      },
    });
    await p.tap('#kind-tuiyou');
    await p.tap('#restore-button');
    expect(p.callsOf('votes.setRuleSettings').map((c) => c.input)).toEqual([{ kind: 'tuiyou', overrides: {} }]);
  });

  it('turns away someone without the right', async () => {
    const p = await loadPage(PAGE, { responses: { 'votes.ruleSettings': fail('FORBIDDEN') } });
    expect(p.text('#page-state')).toContain('您没有查看表决规则设置的权限');
  });
});
