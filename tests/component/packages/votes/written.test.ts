/** 书面意见 (packages/votes/written/index, A14 / F3): submitted once before the meeting with a mark per candidate. */
import { ACCEPTANCE, acceptanceView, electionView, FENG_CHEN, PENG_YUE } from '../../../support/demo-views/votes';
import { fail, loadPage, ok } from '../../harness';

const WRITTEN = 'packages/votes/written/index';
const query = { voteId: ACCEPTANCE.id };
const DRAFT = acceptanceView({ state: 'draft' });
const SUBMITTED = ok({ voterId: 'p-caol', submittedAt: '2026-11-25T20:00:00+08:00' });

describe('书面意见', () => {
  it('lists every candidate with 赞成/反对/弃权 and submits the marks after confirming', async () => {
    const p = await loadPage(WRITTEN, {
      query,
      responses: { 'votes.get': ok(DRAFT), 'votes.addWrittenOpinion': SUBMITTED },
    });
    expect(p.text('#explanation')).toContain(
      '无法到会时，可在会议开始前对每位候选人提交书面意见（赞成、反对或弃权），单独计入表决结果',
    );
    expect(p.text('#explanation')).toContain('会议开始后提交无效；提交后不可更改');
    expect(p.text(`#row-${FENG_CHEN.id}`)).toContain('冯晨');
    expect(p.text(`#row-${PENG_YUE.id}`)).toContain('彭悦');
    expect(p.count('.mark')).toBe(6);

    await p.tap(`#mark-${FENG_CHEN.id}-yes`);
    await p.tap('#submit-button');
    expect(p.toasts.at(-1)).toContain('彭悦');
    expect(p.callsOf('votes.addWrittenOpinion')).toHaveLength(0);

    await p.tap(`#mark-${PENG_YUE.id}-yes`);
    await p.tap(`#mark-${PENG_YUE.id}-no`);
    expect(p.exists(`#mark-${PENG_YUE.id}-no.mark--selected`)).toBe(true);
    await p.tap('#submit-button');
    expect(p.text('#confirm-dialog')).toContain('提交后不可更改');
    expect(p.text('#confirm-dialog')).toContain('赞成 1 · 反对 1');
    expect(p.callsOf('votes.addWrittenOpinion')).toHaveLength(0);

    await p.trigger('#confirm-dialog', 'confirm');
    expect(p.callsOf('votes.addWrittenOpinion')[0].input).toEqual({
      voteId: ACCEPTANCE.id,
      marks: [
        { candidateId: FENG_CHEN.id, choice: 'yes' },
        { candidateId: PENG_YUE.id, choice: 'no' },
      ],
    });
    expect(p.text('#done')).toContain('书面意见已提交');
  });

  async function submitAll(responses: Parameters<typeof loadPage>[1]) {
    const p = await loadPage(WRITTEN, responses);
    await p.tap(`#mark-${FENG_CHEN.id}-abstain`);
    await p.tap(`#mark-${PENG_YUE.id}-yes`);
    await p.tap('#submit-button');
    await p.trigger('#confirm-dialog', 'confirm');
    return p;
  }

  it('says plainly when the meeting has already started', async () => {
    const p = await submitAll({
      query,
      responses: { 'votes.get': ok(DRAFT), 'votes.addWrittenOpinion': fail('WRITTEN_OPINION_TOO_LATE') },
    });
    expect(p.text('#blocked')).toContain('会议已开始，不能再提交书面意见');
    expect(p.text('#blocked')).toContain('会议开始后提交的无效');
    expect(p.exists('#marking')).toBe(false);
  });

  it('says plainly when an opinion was already given', async () => {
    const p = await submitAll({
      query,
      responses: { 'votes.get': ok(DRAFT), 'votes.addWrittenOpinion': fail('WRITTEN_OPINION_EXISTS') },
    });
    expect(p.text('#blocked')).toContain('您已提交书面意见，不能重复提交');
  });

  it('refuses kinds without written opinions and a vote already open, without a form', async () => {
    const notAllowed = await loadPage(WRITTEN, {
      query,
      responses: { 'votes.get': ok(electionView({ state: 'draft', expected: null })) },
    });
    expect(notAllowed.text('#blocked')).toContain('此类表决不接受书面意见');
    notAllowed.unload();
    const open = await loadPage(WRITTEN, { query, responses: { 'votes.get': ok(acceptanceView()) } });
    expect(open.text('#blocked')).toContain('会议已开始');
    expect(open.exists('.mark')).toBe(false);
  });

  it('keeps the form and says why for a passing failure', async () => {
    const p = await submitAll({
      query,
      responses: { 'votes.get': ok(DRAFT), 'votes.addWrittenOpinion': fail('INTERNAL') },
    });
    expect(p.exists('#marking')).toBe(true);
    expect(p.toasts.length).toBeGreaterThan(0);
  });
});
