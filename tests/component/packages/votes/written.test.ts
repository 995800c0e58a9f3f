/** 书面意见 (packages/votes/written/index, A14 / F3): submitted once before the meeting with a mark per candidate. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const WRITTEN = 'packages/votes/written/index';
/** The demo world's conversion vote in draft, as 钱程 (who cannot come) sees it; one candidate. */
const DRAFT = worldView('votes.get.conversion_draft.voter');
const CANDIDATE = DRAFT.candidates[0];
const query = { voteId: DRAFT.id };
const SUBMITTED = worldReply('votes.addWrittenOpinion.conversion_draft');

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
    expect(p.text(`#row-${CANDIDATE.id}`)).toContain(CANDIDATE.name);
    expect(p.count('.mark')).toBe(3 * DRAFT.candidates.length);

    // Nothing marked: the toast names who is still to be marked.
    await p.tap('#submit-button');
    expect(p.toasts.at(-1)).toContain(CANDIDATE.name);
    expect(p.callsOf('votes.addWrittenOpinion')).toHaveLength(0);

    await p.tap(`#mark-${CANDIDATE.id}-no`);
    await p.tap(`#mark-${CANDIDATE.id}-yes`);
    expect(p.exists(`#mark-${CANDIDATE.id}-yes.mark--selected`)).toBe(true);
    await p.tap('#submit-button');
    expect(p.text('#confirm-dialog')).toContain('提交后不可更改');
    expect(p.text('#confirm-dialog')).toContain('赞成 1');
    expect(p.callsOf('votes.addWrittenOpinion')).toHaveLength(0);

    await p.trigger('#confirm-dialog', 'confirm');
    // What the world's 钱程 sent.
    expect(p.callsOf('votes.addWrittenOpinion')[0].input).toEqual(
      worldInput('votes.addWrittenOpinion.conversion_draft'),
    );
    expect(p.text('#done')).toContain('书面意见已提交');
  });

  async function submitAll(responses: Parameters<typeof loadPage>[1]) {
    const p = await loadPage(WRITTEN, responses);
    await p.tap(`#mark-${CANDIDATE.id}-abstain`);
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
    const election = worldView('votes.get.league_branch_election_draft.voter');
    const notAllowed = await loadPage(WRITTEN, {
      query: { voteId: election.id },
      responses: { 'votes.get': ok(election) },
    });
    expect(notAllowed.text('#blocked')).toContain('此类表决不接受书面意见');
    notAllowed.unload();
    const openVote = worldView('votes.get.acceptance_open.ready');
    const open = await loadPage(WRITTEN, { query: { voteId: openVote.id }, responses: { 'votes.get': ok(openVote) } });
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
