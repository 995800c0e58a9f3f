/**
 * 投票 (packages/votes/ballot/index): one candidate at a time, a review, a confirm that says it is final, the code
 * shown once; refusals said plainly.
 */
import { acceptanceView, electionView, evaluationView, FENG_CHEN, PENG_YUE } from '../../../support/demo-views/votes';
import type { ErrorCode } from '../../../../typings/errors';
import { fail, type LoadedPage, loadPage, ok } from '../../harness';

const PAGE = 'packages/votes/ballot/index';
const READY = acceptanceView({ me: { onRoster: true, checkedIn: true } });
const query = { voteId: READY.id };

async function ballot(responses = {}) {
  return loadPage(PAGE, { query, responses: { 'votes.get': ok(READY), ...responses } });
}

async function mark(p: LoadedPage, value: string) {
  await p.tap(`#option-${value}`);
  await p.tap('#next-button');
}

describe('投票', () => {
  it('walks the ballot one candidate at a time, reviews, confirms and shows the code', async () => {
    const p = await ballot({ 'votes.cast': ok({ code: 'K7Q2M9XP', castAt: '2026-11-26T14:40:00+08:00' }) });
    expect(p.callsOf('votes.get')[0].input).toEqual({ voteId: READY.id });
    expect(p.text('#progress')).toBe('第 1/2 位');
    expect(p.text('#candidate-name')).toBe('冯晨');
    expect(p.text('#marking')).toContain('表决事项：接收预备党员');
    expect(p.count('.option')).toBe(3);
    expect(p.text('.candidate')).not.toContain('彭悦');

    // Moving on needs a choice.
    await p.tap('#next-button');
    expect(p.toasts).toEqual(['请选择赞成、反对或弃权']);
    expect(p.text('#progress')).toBe('第 1/2 位');

    await mark(p, 'yes');
    expect(p.text('#progress')).toBe('第 2/2 位');
    expect(p.text('#candidate-name')).toBe('彭悦');
    await p.tap('#prev-button');
    expect(p.text('#candidate-name')).toBe('冯晨');
    expect(p.exists('#option-yes.option--selected')).toBe(true);
    await p.tap('#next-button');
    await mark(p, 'abstain');

    expect(p.exists('#review')).toBe(true);
    expect(p.text(`#row-${FENG_CHEN.id}`)).toContain('赞成');
    expect(p.text(`#row-${PENG_YUE.id}`)).toContain('弃权');

    // Change one choice from the review and come straight back.
    await p.tap(`#row-${PENG_YUE.id}`);
    expect(p.text('#candidate-name')).toBe('彭悦');
    expect(p.text('#next-button')).toBe('完成修改');
    await mark(p, 'no');
    expect(p.text(`#row-${PENG_YUE.id}`)).toContain('反对');

    await p.tap('#submit-button');
    expect(p.instance.data.confirmVisible).toBe(true);
    expect(p.text('#confirm-dialog')).toContain('提交后不可更改');
    expect(p.text('#confirm-dialog')).toContain('赞成 1 · 反对 1');
    expect(p.callsOf('votes.cast')).toHaveLength(0);

    await p.trigger('#confirm-dialog', 'confirm');
    expect(p.callsOf('votes.cast').map((c) => c.input)).toEqual([
      {
        voteId: READY.id,
        marks: [
          { candidateId: FENG_CHEN.id, choice: 'yes' },
          { candidateId: PENG_YUE.id, choice: 'no' },
        ],
      },
    ]);
    expect(p.text('#done')).toContain('投票成功');
    expect(p.text('#ballot-code')).toBe('K7Q2 M9XP');
    expect(p.text('#done')).toContain('凭票码可在结果公布后核对您的选票已被计入，票码不显示您的选择');
    expect(p.exists('#review')).toBe(false);

    const copied: string[] = [];
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.setClipboardData = (o: { data: string }) =>
      copied.push(o.data);
    await p.tap('#copy-button');
    expect(copied).toEqual(['K7Q2M9XP']);
  });

  it('keeps the ballot when the voter cancels the confirm dialog', async () => {
    const p = await ballot();
    await mark(p, 'yes');
    await mark(p, 'yes');
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'cancel');
    expect(p.instance.data.confirmVisible).toBe(false);
    expect(p.exists('#review')).toBe(true);
    expect(p.callsOf('votes.cast')).toHaveLength(0);
  });

  it.each<[ErrorCode, string]>([
    ['ALREADY_VOTED', '您已投票，不能重复投票'],
    ['VOTE_CLOSED', '表决已结束'],
    ['NOT_ON_ROSTER', '您不在本次表决的应到人员名单中'],
  ])('says so plainly when the cast is refused with %s, and offers no second try', async (code, text) => {
    const p = await ballot({ 'votes.cast': fail(code) });
    await mark(p, 'yes');
    await mark(p, 'no');
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'confirm');
    expect(p.text('#blocked')).toContain(text);
    expect(p.exists('#submit-button')).toBe(false);
    expect(p.exists('#review')).toBe(false);
  });

  it('keeps the review to retry after a network failure', async () => {
    const p = await ballot({ 'votes.cast': fail('INTERNAL', { message: '网络异常，请稍后重试' }) });
    await mark(p, 'yes');
    await mark(p, 'yes');
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'confirm');
    expect(p.toasts).toContain('网络异常，请稍后重试');
    expect(p.exists('#review')).toBe(true);
  });

  it('does not open the ballot of someone who has already voted', async () => {
    const p = await loadPage(PAGE, {
      query,
      responses: { 'votes.get': ok(acceptanceView({ me: { onRoster: true, checkedIn: true, voted: true } })) },
    });
    expect(p.text('#blocked')).toContain('您已投票，不能重复投票');
    expect(p.exists('#marking')).toBe(false);
  });

  it('sends a voter who has not checked in back to check in', async () => {
    const p = await loadPage(PAGE, { query, responses: { 'votes.get': ok(acceptanceView()) } });
    expect(p.text('#blocked')).toContain('请先签到再投票');
    await p.tap('#blocked-action');
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: `/packages/votes/detail/index?voteId=${READY.id}` }]);
  });

  it('closes 赞成 on an election once the seats are filled', async () => {
    const v = electionView();
    const p = await loadPage(PAGE, { query: { voteId: v.id }, responses: { 'votes.get': ok(v) } });
    expect(p.text('#yes-counter')).toBe('已赞成 0/3 名');
    for (let i = 0; i < 3; i++) await mark(p, 'yes');
    expect(p.text('#progress')).toBe('第 4/5 位');
    expect(p.text('#yes-counter')).toBe('已赞成 3/3 名');
    expect(p.exists('#option-yes.option--disabled')).toBe(true);
    await p.tap('#option-yes');
    expect(p.toasts).toEqual(['赞成人数已达应选名额 3 名，请先改选其他候选人']);
    expect(p.exists('#option-yes.option--selected')).toBe(false);
    await mark(p, 'no');
    await mark(p, 'abstain');
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'confirm');
    const marks = (p.callsOf('votes.cast')[0].input as { marks: { choice: string }[] }).marks;
    expect(marks.filter((m) => m.choice === 'yes')).toHaveLength(3);
    expect(marks).toHaveLength(5);
  });

  it('offers grades on an evaluation form', async () => {
    const v = evaluationView();
    const p = await loadPage(PAGE, { query: { voteId: v.id }, responses: { 'votes.get': ok(v) } });
    expect(p.instance.data.options.map((o: { label: string }) => o.label)).toEqual([
      '优秀',
      '合格',
      '基本合格',
      '不合格',
      '弃权',
    ]);
    expect(p.text('.options')).toBe('优秀合格基本合格不合格弃权');
    expect(p.text('#marking')).toContain('参评人员');
    expect(p.text('#marking')).toContain('民主评议党员 · 评定等次');
  });
});
