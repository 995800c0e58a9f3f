/** 核对票码 (packages/votes/verify/index): a voter checks that their ballot is in the count. */
import { ACCEPTANCE } from '../../../support/demo-views/votes';
import { loadPage, ok } from '../../harness';

const VERIFY = 'packages/votes/verify/index';
const query = { voteId: ACCEPTANCE.id };

describe('核对我的票码', () => {
  it('says only whether the ballot was counted', async () => {
    const p = await loadPage(VERIFY, {
      query,
      responses: { 'votes.verifyBallot': [ok({ found: true, counted: true }), ok({ found: false, counted: false })] },
    });
    await p.tap('#verify-button');
    expect(p.text()).toContain('请输入投票后显示的票码');
    await p.trigger('#code-input', 'change', { value: 'k7q2 m9xp' });
    await p.tap('#verify-button');
    expect(p.callsOf('votes.verifyBallot')[0].input).toEqual({ voteId: ACCEPTANCE.id, code: 'K7Q2M9XP' });
    expect(p.text('#verify-result')).toContain('您的选票已计入');
    await p.trigger('#code-input', 'change', { value: 'K7Q2M9XA' });
    await p.tap('#verify-button');
    expect(p.text('#verify-result')).toContain('未找到该票码');
    expect(p.text()).not.toMatch(/赞成|反对|弃权/);
  });
});
