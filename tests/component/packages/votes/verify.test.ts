/** 核对票码 (packages/votes/verify/index): a voter checks that their ballot is in the count. */
import { worldInput, worldReply } from '../../../support/world-views';
import { loadPage } from '../../harness';

const VERIFY = 'packages/votes/verify/index';
/** 曹宁's code from the world's acceptance meeting, and the same with its last letter mistyped. */
const COUNTED = worldInput('votes.verifyBallot.counted');
const MISTYPED = worldInput('votes.verifyBallot.not_found');

describe('核对我的票码', () => {
  it('says only whether the ballot was counted', async () => {
    const p = await loadPage(VERIFY, {
      query: { voteId: COUNTED.voteId },
      responses: {
        'votes.verifyBallot': [worldReply('votes.verifyBallot.counted'), worldReply('votes.verifyBallot.not_found')],
      },
    });
    await p.tap('#verify-button');
    expect(p.text()).toContain('请输入投票后显示的票码');
    // Typed as people copy it: lower case, a space in the middle.
    const typed = `${COUNTED.code.slice(0, 4)} ${COUNTED.code.slice(4)}`.toLowerCase();
    await p.trigger('#code-input', 'change', { value: typed });
    await p.tap('#verify-button');
    expect(p.callsOf('votes.verifyBallot')[0].input).toEqual(COUNTED);
    expect(p.text('#verify-result')).toContain('您的选票已计入');
    await p.trigger('#code-input', 'change', { value: MISTYPED.code });
    await p.tap('#verify-button');
    expect(p.text('#verify-result')).toContain('未找到该票码');
    expect(p.text()).not.toMatch(/赞成|反对|弃权/);
  });
});
