/**
 * 投票 (packages/votes/ballot/index): one candidate at a time, a review, a confirm that says it is final, the code
 * shown once; refusals said plainly.
 */
import type { ErrorCode } from '../../../../typings/errors';
import { worldReply, worldView } from '../../../support/world-views';
import { fail, type LoadedPage, loadPage, ok } from '../../harness';

const PAGE = 'packages/votes/ballot/index';
/** The demo world's open acceptance meeting as 曹宁 sees it: checked in, not voted yet (one candidate). */
const READY = worldView('votes.get.acceptance_open.ready');
/** The association's backbone election under way, as 谢天宇 (checked in) sees it: three candidates, two seats. */
const ELECTION = worldView('votes.get.backbone_election_open.ready');
/** What the world's cast answered (the code shown once). */
const CAST = worldReply('votes.cast.acceptance_open.ready');
const CODE = worldView('votes.cast.acceptance_open.ready').code;
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
    const [first, second, third] = ELECTION.candidates;
    const p = await loadPage(PAGE, {
      query: { voteId: ELECTION.id },
      responses: { 'votes.get': ok(ELECTION), 'votes.cast': CAST },
    });
    expect(p.callsOf('votes.get')[0].input).toEqual({ voteId: ELECTION.id });
    expect(p.text('#progress')).toBe(`第 1/${ELECTION.candidates.length} 位`);
    expect(p.text('#candidate-name')).toBe(first.name);
    expect(p.count('.option')).toBe(3);
    expect(p.text('.candidate')).not.toContain(second.name);

    // Moving on needs a choice.
    await p.tap('#next-button');
    expect(p.toasts).toEqual(['请选择赞成、反对或弃权']);
    expect(p.text('#progress')).toBe(`第 1/${ELECTION.candidates.length} 位`);

    await mark(p, 'yes');
    expect(p.text('#progress')).toBe(`第 2/${ELECTION.candidates.length} 位`);
    expect(p.text('#candidate-name')).toBe(second.name);
    await p.tap('#prev-button');
    expect(p.text('#candidate-name')).toBe(first.name);
    expect(p.exists('#option-yes.option--selected')).toBe(true);
    await p.tap('#next-button');
    await mark(p, 'abstain');
    await mark(p, 'abstain');

    expect(p.exists('#review')).toBe(true);
    expect(p.text(`#row-${first.id}`)).toContain('赞成');
    expect(p.text(`#row-${second.id}`)).toContain('弃权');

    // Change one choice from the review and come straight back.
    await p.tap(`#row-${second.id}`);
    expect(p.text('#candidate-name')).toBe(second.name);
    expect(p.text('#next-button')).toBe('完成修改');
    await mark(p, 'no');
    expect(p.text(`#row-${second.id}`)).toContain('反对');

    await p.tap('#submit-button');
    expect(p.instance.data.confirmVisible).toBe(true);
    expect(p.text('#confirm-dialog')).toContain('提交后不可更改');
    expect(p.text('#confirm-dialog')).toContain('赞成 1 · 反对 1 · 弃权 1');
    expect(p.callsOf('votes.cast')).toHaveLength(0);

    await p.trigger('#confirm-dialog', 'confirm');
    expect(p.callsOf('votes.cast').map((c) => c.input)).toEqual([
      {
        voteId: ELECTION.id,
        marks: [
          { candidateId: first.id, choice: 'yes' },
          { candidateId: second.id, choice: 'no' },
          { candidateId: third.id, choice: 'abstain' },
        ],
      },
    ]);
    expect(p.text('#done')).toContain('投票成功');
    expect(p.text('#ballot-code')).toBe(`${CODE.slice(0, 4)} ${CODE.slice(4)}`);
    expect(p.text('#done')).toContain('凭票码可在结果公布后核对您的选票已被计入，票码不显示您的选择');
    expect(p.exists('#review')).toBe(false);

    const copied: string[] = [];
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.setClipboardData = (o: { data: string }) =>
      copied.push(o.data);
    await p.tap('#copy-button');
    expect(copied).toEqual([CODE]);
  });

  it('names the matter on a party vote', async () => {
    const p = await ballot();
    expect(p.text('#marking')).toContain(`表决事项：${READY.kindLabel}`);
    expect(p.text('#candidate-name')).toBe(READY.candidates[0].name);
  });

  it('keeps the ballot when the voter cancels the confirm dialog', async () => {
    const p = await ballot();
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
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'confirm');
    expect(p.toasts).toContain('网络异常，请稍后重试');
    expect(p.exists('#review')).toBe(true);
  });

  it('does not open the ballot of someone who has already voted', async () => {
    const p = await loadPage(PAGE, {
      query,
      responses: { 'votes.get': worldReply('votes.get.acceptance_open.voted') },
    });
    expect(p.text('#blocked')).toContain('您已投票，不能重复投票');
    expect(p.exists('#marking')).toBe(false);
  });

  it('sends a voter who has not checked in back to check in', async () => {
    const absent = worldView('votes.get.league_evaluation_open.absent');
    const p = await loadPage(PAGE, { query: { voteId: absent.id }, responses: { 'votes.get': ok(absent) } });
    expect(p.text('#blocked')).toContain('请先签到再投票');
    await p.tap('#blocked-action');
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: `/packages/votes/detail/index?voteId=${absent.id}` }]);
  });

  it('closes 赞成 on an election once the seats are filled', async () => {
    const v = ELECTION;
    const seats = v.seats!;
    const p = await loadPage(PAGE, { query: { voteId: v.id }, responses: { 'votes.get': ok(v) } });
    expect(p.text('#yes-counter')).toBe(`已赞成 0/${seats} 名`);
    for (let i = 0; i < seats; i++) await mark(p, 'yes');
    expect(p.text('#progress')).toBe(`第 ${seats + 1}/${v.candidates.length} 位`);
    expect(p.text('#yes-counter')).toBe(`已赞成 ${seats}/${seats} 名`);
    expect(p.exists('#option-yes.option--disabled')).toBe(true);
    await p.tap('#option-yes');
    expect(p.toasts).toEqual([`赞成人数已达应选名额 ${seats} 名，请先改选其他候选人`]);
    expect(p.exists('#option-yes.option--selected')).toBe(false);
    for (let i = seats; i < v.candidates.length; i++) await mark(p, 'no');
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'confirm');
    const marks = (p.callsOf('votes.cast')[0].input as { marks: { choice: string }[] }).marks;
    expect(marks.filter((m) => m.choice === 'yes')).toHaveLength(seats);
    expect(marks).toHaveLength(v.candidates.length);
  });

  it('offers grades on an evaluation form', async () => {
    const v = worldView('votes.get.league_evaluation_open.ready');
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
    expect(p.text('#marking')).toContain(`${v.kindLabel} · 评定等次`);
  });
});
