/**
 * 发展档案全卷 (packages/pipeline/dossier/index), from the demo world's recordings: 白露's dossier as her branch's
 * secretary reads it (the talk, the members' recommendation, the branch's vote with its counts, the assessment with
 * its three evaluations), the forms it can print and the Word document opened in WeChat's viewer; 吕航's, which has
 * no resolution to print yet.
 */
import { worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';
import { openDocuments } from '../../wx-stubs';

const PAGE = 'packages/pipeline/dossier/index';
const DOSSIER = worldView('pipeline.dossier.activist.secretary');
const APPLICANT = worldView('pipeline.dossier.applicant.secretary');
const FILE = worldView('pipeline.dossierForm.activist.talks');

describe('发展档案全卷', () => {
  it('is reached from the case page', async () => {
    const CASE = worldView('pipeline.get.activist.secretary');
    const p = await loadPage('packages/pipeline/case/index', {
      query: { caseId: CASE.caseId },
      responses: { 'pipeline.get': ok(CASE) },
    });
    await p.tap('#dossier-entry');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/pipeline/dossier/index?caseId=${CASE.caseId}` },
    ]);
  });

  it('lists every record in order with the vote’s counts and the three evaluations, and who was responsible', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: DOSSIER.caseId },
      responses: { 'pipeline.dossier': ok(DOSSIER) },
    });
    expect(p.callsOf('pipeline.dossier')[0].input).toEqual({ caseId: DOSSIER.caseId });
    expect(p.text('#dossier-head')).toContain(DOSSIER.personName);
    expect(p.text('#dossier-head')).toContain('确定为入党积极分子');
    const records = p.text('#dossier-records');
    const titles = DOSSIER.entries.map((e) => e.title);
    for (const [i, t] of titles.entries())
      if (i > 0) expect(records.indexOf(t)).toBeGreaterThan(records.indexOf(titles[i - 1]));
    const step = DOSSIER.entries.find((e) => e.resolution)!;
    expect(p.text(`#entry-${step.id}`)).toContain(
      `应到 ${step.resolution!.expected} 人，实到 ${step.resolution!.present} 人`,
    );
    const assessed = DOSSIER.entries.find((e) => e.evaluations.length)!;
    expect(p.text(`#entry-${assessed.id}`)).toContain('所在单位民主评议：较好');
    expect(p.text('#dossier-chain')).toContain('考察评议');
    expect(p.text('#dossier-chain')).toContain(DOSSIER.chain.evaluatedBy[0]);
  });

  it('generates a form as a Word document and opens it', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: DOSSIER.caseId },
      responses: { 'pipeline.dossier': ok(DOSSIER), 'pipeline.dossierForm': ok(FILE) },
    });
    const opened = openDocuments();
    expect(p.text('#form-talks')).toContain('谈话记录');
    await p.tap('#form-talks-button');
    expect(p.callsOf('pipeline.dossierForm')[0].input).toEqual({ caseId: DOSSIER.caseId, form: 'talks' });
    expect(opened).toEqual([{ filePath: `tmp:${FILE.url}`, fileType: 'docx' }]);
  });

  it('says what a form still lacks and does not ask for it', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: APPLICANT.caseId },
      responses: { 'pipeline.dossier': ok(APPLICANT) },
    });
    expect(p.text('#form-resolution')).toContain('尚无支部表决结果');
    await p.tap('#form-resolution-button');
    expect(p.callsOf('pipeline.dossierForm')).toHaveLength(0);
  });

  it('shows the refusal to someone who may not read it, and retries on failure', async () => {
    const refused = await loadPage(PAGE, {
      query: { caseId: DOSSIER.caseId },
      responses: { 'pipeline.dossier': fail('NOT_BRANCH_OFFICER') },
    });
    expect(refused.text('#page-state')).toContain('只有本人所在党支部的书记或支委');
    const broken = await loadPage(PAGE, {
      query: { caseId: DOSSIER.caseId },
      responses: { 'pipeline.dossier': [fail('INTERNAL'), ok(DOSSIER)] },
    });
    await broken.tap('#page-state >>> #status-action');
    expect(broken.text('#dossier-head')).toContain(DOSSIER.personName);
  });

  it('the student reads her own dossier, the same records her secretary reads', async () => {
    const own = worldReply('pipeline.dossier.activist.student');
    if (!own.ok) throw new Error('the student’s own dossier was refused');
    const p = await loadPage(PAGE, { query: { caseId: own.data.caseId }, responses: { 'pipeline.dossier': own } });
    expect(p.text('#dossier-head')).toContain(own.data.personName);
    expect(own.data.entries.map((e) => e.id)).toEqual(DOSSIER.entries.map((e) => e.id));
    expect(p.text('#form-talks')).toContain('生成 Word 文档');
  });
});
