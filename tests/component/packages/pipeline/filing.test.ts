/**
 * 确认备案 (packages/pipeline/filing/index): one branch decision acknowledged by the committee with an optional note,
 * fed by the demo world: 李红梅 (party_admin) confirms the filing of 白露's activist decision; a second confirmation
 * is refused (FILING_ACKNOWLEDGED) and the refusal is shown on the page.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/filing/index';
const ACTIVIST = worldView('pipeline.get.activist.party_admin');

describe('确认备案', () => {
  it('shows the decision the server says waits, and sends the note with it', async () => {
    const sent = worldInput('pipeline.acknowledgeFiling.activist');
    const p = await loadPage(PAGE, {
      query: { caseId: sent.caseId, decision: sent.decision },
      responses: {
        'pipeline.get': ok(ACTIVIST),
        'pipeline.acknowledgeFiling': worldReply('pipeline.acknowledgeFiling.activist'),
      },
    });
    expect(p.text('#filing-subject')).toContain(ACTIVIST.personName);
    expect(p.text('#filing-what')).toContain('确定入党积极分子');
    await p.trigger('#note-input', 'change', { value: sent.note });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.acknowledgeFiling')[0].input).toEqual(sent);
    expect(p.toasts).toContain('已确认备案');
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('sends no note when none is written, and shows a refusal on the page', async () => {
    const sent = worldInput('pipeline.acknowledgeFiling.again');
    const refusal = worldReply('pipeline.acknowledgeFiling.again');
    if (refusal.ok) throw new Error('expected the recorded refusal');
    const p = await loadPage(PAGE, {
      query: { caseId: sent.caseId, decision: sent.decision },
      responses: { 'pipeline.get': ok(ACTIVIST), 'pipeline.acknowledgeFiling': refusal },
    });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.acknowledgeFiling')[0].input).toEqual(sent);
    expect(p.text('#filing-refusal')).toContain(refusal.error.message);
    expect(p.navigations).toEqual([]);
  });

  it('says so when the server offers no such filing to this viewer', async () => {
    const secretaryView = worldView('pipeline.get.candidate.info_secretary');
    const p = await loadPage(PAGE, {
      query: { caseId: secretaryView.caseId, decision: 'candidate' },
      responses: { 'pipeline.get': ok(secretaryView) },
    });
    expect(p.text('#page-state')).toContain('无需您确认备案');
    expect(p.exists('#submit-button')).toBe(false);
  });
});
