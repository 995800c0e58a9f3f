/**
 * 备案确认 (packages/pipeline/filings/index): the branch decisions waiting for the party committee's acknowledgement,
 * as the demo world's committee (李红梅, party_admin) sees them, a page at a time; each decision opens its confirmation.
 */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/filings/index';
const FILINGS = worldView('pipeline.filings.party_admin');

describe('备案确认', () => {
  it('lists each case with the decisions waiting, and opens the confirmation of one', async () => {
    const p = await loadPage(PAGE, { responses: { 'pipeline.filings': ok(FILINGS) } });
    expect(FILINGS.items.length).toBeGreaterThan(0);
    for (const f of FILINGS.items) {
      expect(p.text(`#filing-${f.caseId}`)).toContain(f.personName);
      for (const d of f.decisions) expect(p.text(`#filing-${f.caseId}-${d.decision}`)).toContain(d.label);
    }
    const first = FILINGS.items[0];
    await p.tap(`#filing-${first.caseId}-${first.decisions[0].decision}`);
    expect(p.navigations).toEqual([
      {
        method: 'navigateTo',
        url: `/packages/pipeline/filing/index?caseId=${encodeURIComponent(first.caseId)}&decision=${first.decisions[0].decision}`,
      },
    ]);
  });

  it('loads the next page on request', async () => {
    const first = worldView('pipeline.filings.party_admin.page1of2');
    const second = worldView('pipeline.filings.party_admin.page2of2');
    expect(first.hasMore).toBe(true);
    const p = await loadPage(PAGE, { responses: { 'pipeline.filings': [ok(first), ok(second)] } });
    await p.tap('#more-button');
    await p.settle();
    expect(p.callsOf('pipeline.filings').map((c) => (c.input as { page: number }).page)).toEqual([1, 2]);
    expect(p.text(`#filing-${second.items[0].caseId}`)).toContain(second.items[0].personName);
  });

  it('tells a branch secretary it is the committee’s page', async () => {
    const p = await loadPage(PAGE, { responses: { 'pipeline.filings': worldReply('pipeline.filings.secretary') } });
    expect(p.text('#page-state')).toContain('上级党委');
  });
});
