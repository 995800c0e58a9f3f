/**
 * 发展档案 (packages/pipeline/case/index): what the server says the viewer may do besides the steps. 陶然's case as the
 * party committee sees it offers the acknowledgement of both filings (2014); as the branch secretary sees it, none,
 * and no oath form (a 发展对象 takes the oath after approval).
 */
import { worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/case/index';
const COMMITTEE = worldView('pipeline.get.candidate.party_admin');
const SECRETARY = worldView('pipeline.get.candidate.info_secretary');

describe('发展档案 · 办理', () => {
  it('offers the committee the filings the server names, each opening its confirmation', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: COMMITTEE.caseId },
      responses: { 'pipeline.get': ok(COMMITTEE) },
    });
    expect(COMMITTEE.may.filing.map((f) => f.decision)).toEqual(['activist', 'candidate']);
    expect(p.text('#act-filing-activist')).toContain('确定入党积极分子');
    expect(p.text('#act-filing-candidate')).toContain('确定发展对象');
    expect(p.exists('#act-oath')).toBe(false);
    await p.tap('#act-filing-candidate');
    expect(p.navigations).toEqual([
      {
        method: 'navigateTo',
        url: `/packages/pipeline/filing/index?caseId=${encodeURIComponent(COMMITTEE.caseId)}&decision=candidate`,
      },
    ]);
  });

  it('offers the branch secretary no filing and no oath form before the approval', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: SECRETARY.caseId },
      responses: { 'pipeline.get': ok(SECRETARY) },
    });
    expect(SECRETARY.may).toEqual({ oath: false, filing: [] });
    expect(p.exists('#act-filing-activist')).toBe(false);
    expect(p.exists('#act-oath')).toBe(false);
    expect(p.exists('#act-talk')).toBe(true);
  });

  it('opens the oath form when the server says the oath may be recorded', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: SECRETARY.caseId },
      responses: { 'pipeline.get': ok({ ...SECRETARY, may: { ...SECRETARY.may, oath: true } }) },
    });
    await p.tap('#act-oath');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/pipeline/oath/index?caseId=${encodeURIComponent(SECRETARY.caseId)}` },
    ]);
  });
});
