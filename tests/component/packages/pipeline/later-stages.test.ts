/**
 * 我的入党历程, the case page and 发展档案全卷 past 发展对象, from the demo world's recordings (emulator/demo/world-members.ts):
 * 顾晨阳, a 正式党员 through conversion; 江雪, whose probation was extended; 苏婉, a 预备党员 who took the oath; 叶舟,
 * approved and not sworn in yet.
 */
import { formatChineseDate } from '../../../../miniprogram/services/format';
import { worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const JOURNEY = 'packages/pipeline/journey/index';
const CASE = 'packages/pipeline/case/index';
const FULL = worldView('pipeline.mine.full_member')!;
const EXTENDED = worldView('pipeline.mine.extended')!;
const SWORN = worldView('pipeline.mine.probationary')!;
const NOT_SWORN = worldView('pipeline.mine.probationary_no_oath')!;

/** The titles of the records in the order the page lists them (newest first). */
const newestFirst = (records: { title: string }[]) => [...records].reverse().map((r) => r.title);

describe('我的入党历程 past 发展对象', () => {
  it('shows a full member their standing, counted from the end of probation, and that the journey is complete', async () => {
    const p = await loadPage(JOURNEY, { responses: { 'pipeline.mine': ok(FULL) } });
    expect(p.text('#journey-stage')).toContain(FULL.stageLabel);
    expect(p.text('#journey-stage')).toContain(`党龄自${formatChineseDate(FULL.standingSince!)}起算`);
    expect(p.text('#journey-next')).toContain('发展程序已完成');
    // The newest record (the committee's approval) comes first, the application last.
    const records = p.text('#journey-records');
    const titles = newestFirst(FULL.records);
    expect(records.indexOf(titles[0])).toBeLessThan(records.indexOf(titles.at(-1)!));
    for (const name of FULL.chain.approvedBy) expect(p.text('#journey-chain')).toContain(name);
    for (const name of FULL.chain.preExaminedBy) expect(p.text('#journey-chain')).toContain(name);
  });

  it('tells a member whose probationary membership was cancelled that the journey ended, not that it is complete', async () => {
    const cancelled = worldView('pipeline.mine.cancelled')!;
    expect(cancelled.stage).toBe('cancelled');
    const p = await loadPage(JOURNEY, { responses: { 'pipeline.mine': ok(cancelled) } });
    expect(p.text('#journey-stage')).toContain(cancelled.stageLabel);
    expect(p.text('#journey-next')).toContain('预备党员资格已取消，发展程序终止');
    expect(p.text('#journey-next')).not.toContain('发展程序已完成');
    expect(p.text('#journey-records')).toContain(newestFirst(cancelled.records)[0]);
  });

  it('shows the member whose probation was extended when the branch may discuss conversion again', async () => {
    const p = await loadPage(JOURNEY, { responses: { 'pipeline.mine': ok(EXTENDED) } });
    expect(p.text('#journey-stage')).toContain(EXTENDED.stageLabel);
    expect(EXTENDED.standingSince).toBeNull();
    const next = p.text('#journey-next');
    expect(next).toContain(EXTENDED.next!.label);
    expect(next).toContain(formatChineseDate(EXTENDED.next!.due!));
    const extension = EXTENDED.records.filter((r) => r.kind === 'step').slice(-2);
    for (const r of extension) expect(p.text('#journey-records')).toContain(r.title);
  });

  it('shows a probationary member who took the oath the oath among the records and the oath gate met', async () => {
    const p = await loadPage(JOURNEY, { responses: { 'pipeline.mine': ok(SWORN) } });
    const oath = SWORN.records.find((r) => r.kind === 'oath')!;
    expect(p.text('#journey-records')).toContain(oath.title);
    expect(p.text('#journey-next')).toContain(SWORN.next!.label);
    const gate = SWORN.gates.find((g) => g.rule === 'A18')!;
    expect(gate.state).toBe('pass');
    expect(p.text('#journey-next')).toContain(gate.label);
  });

  it('tells the member approved without the oath that the oath comes next, and what is missing', async () => {
    const p = await loadPage(JOURNEY, { responses: { 'pipeline.mine': ok(NOT_SWORN) } });
    const next = p.text('#journey-next');
    expect(NOT_SWORN.next!.kind).toBe('oath');
    expect(next).toContain(NOT_SWORN.next!.label);
    expect(next).toContain(formatChineseDate(NOT_SWORN.next!.due!));
    const gate = NOT_SWORN.gates.find((g) => g.rule === 'A18')!;
    expect(gate.state).toBe('fail');
    expect(next).toContain(gate.missing!);
    expect(NOT_SWORN.records.some((r) => r.kind === 'oath')).toBe(false);
  });
});

describe('the case page past 发展对象 (支部书记)', () => {
  it('offers no next step on a full member’s case', async () => {
    const view = worldView('pipeline.get.full_member.secretary');
    const p = await loadPage(CASE, { query: { caseId: view.caseId }, responses: { 'pipeline.get': ok(view) } });
    expect(view.canAct).toBe(false);
    expect(p.text('#journey-stage')).toContain(view.stageLabel);
    expect(p.text('#journey-next')).toContain('发展程序已完成');
    expect(p.exists('#act-step')).toBe(false);
    expect(p.text('#journey-records')).toContain(view.records.at(-1)!.title);
  });

  it('lets the secretary act on the member who still has to take the oath, and on the extended member', async () => {
    for (const key of ['pipeline.get.probationary_no_oath.secretary', 'pipeline.get.extended.secretary'] as const) {
      const view = worldView(key);
      const p = await loadPage(CASE, { query: { caseId: view.caseId }, responses: { 'pipeline.get': ok(view) } });
      expect(view.canAct).toBe(true);
      expect(p.exists('#act-step')).toBe(true);
      expect(p.text('#journey-next')).toContain(view.next!.label);
      for (const g of view.gates.filter((x) => x.state === 'fail'))
        expect(p.text('#journey-next')).toContain(g.missing!);
    }
  });
});

describe('发展档案全卷 of a full member', () => {
  it('lists the whole journey in order with both 公示 and the milestones up to conversion', async () => {
    const dossier = worldView('pipeline.dossier.full_member.secretary');
    const p = await loadPage('packages/pipeline/dossier/index', {
      query: { caseId: dossier.caseId },
      responses: { 'pipeline.dossier': ok(dossier) },
    });
    expect(p.text('#dossier-head')).toContain(dossier.personName);
    expect(p.text('#dossier-head')).toContain(dossier.milestones.at(-1)!.label);
    const records = p.text('#dossier-records');
    // Each record after the one before it, application to approval.
    let at = 0;
    for (const e of dossier.entries) {
      at = records.indexOf(e.title, at);
      expect(at).toBeGreaterThanOrEqual(0);
      at += e.title.length;
    }
    const publicised = dossier.entries.filter((e) => e.publicity);
    expect(publicised).toHaveLength(2);
    for (const e of publicised) {
      expect(p.text(`#entry-${e.id}`)).toContain(e.publicity!.title);
      expect(p.text(`#entry-${e.id}`)).toContain(e.publicity!.outcomeLabel!);
    }
  });
});

describe('本支部发展档案 of the 信息学院 branch', () => {
  it('lists a case at every stage from activist to full member, each with its next item', async () => {
    const list = worldView('pipeline.list.info.secretary');
    const p = await loadPage('packages/pipeline/cases/index', {
      query: { branchId: 'u_info_pb', branchName: '信息学院学生党支部' },
      responses: { 'pipeline.list': ok(list) },
    });
    const stages = new Set(list.items.map((c) => c.stage));
    for (const s of ['activist', 'development_candidate', 'probationary_member', 'full_member'] as const)
      expect(stages.has(s)).toBe(true);
    for (const c of list.items) {
      expect(p.text(`#case-${c.caseId}`)).toContain(c.personName);
      expect(p.text(`#case-${c.caseId}`)).toContain(c.stageLabel);
      if (c.next) expect(p.text(`#case-${c.caseId}`)).toContain(c.next.label);
    }
  });
});
