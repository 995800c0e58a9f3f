/** 归档记录 (packages/notices-admin/report/index): the filed record of a closed or withdrawn notice. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

/** The sport branch's 积极分子 公示, filed at its close with one objection handled (by name) and one pending (anonymous). */
const ARCHIVE = worldView('notices.closeReport.closed_pending');
/** The same, filed again after the last objection was handled. */
const REFILED = worldView('notices.closeReport.refiled');
const TREE = worldReply('org.tree.sport_pb_sec');
/** An ISO instant → 2026-11-16 09:00 (the recorded instants carry +08:00). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

describe('归档记录', () => {
  const PAGE = 'packages/notices-admin/report/index';

  it('shows the filed record; anonymous objections stay anonymous', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(ARCHIVE), 'org.tree': TREE },
    });
    expect(p.callsOf('notices.closeReport')[0].input).toEqual({ noticeId: ARCHIVE.noticeId });
    const text = p.text();
    expect(p.text('#result')).toContain(ARCHIVE.closed!.outcomeLabel);
    const units = TREE.ok ? TREE.data.units : [];
    expect(text).toContain(ARCHIVE.scopeUnitIds.map((id) => units.find((u) => u.id === id)!.name).join('、'));
    expect(text).toContain(`异议及处理（${ARCHIVE.objections.length}条）`);
    expect(p.count('.report-obj')).toBe(ARCHIVE.objections.length);
    const [named, hidden] = ARCHIVE.objections;
    expect(p.text('#report-obj-1')).toContain(named.objector!.name);
    expect(p.text('#report-obj-1')).toContain(minute(named.submittedAt));
    const anonymous = p.text('#report-obj-2');
    expect(hidden.anonymous).toBe(true);
    expect(anonymous).toContain('匿名');
    // The day only, and no name anywhere in the entry.
    expect(anonymous).not.toMatch(/\d{2}:\d{2}/);
    expect(anonymous).not.toContain(named.objector!.name);
    expect(anonymous).toContain(hidden.submittedAt);
  });

  it('keeps how the publicity stood when first filed after a later handling re-filed it', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: REFILED.noticeId },
      responses: { 'notices.closeReport': ok(REFILED), 'org.tree': TREE },
    });
    expect(REFILED.revision).toBe(2);
    expect(p.text('#result')).toContain(REFILED.closed!.outcomeLabel);
    expect(p.text('#filed-text')).toContain(`归档时：${ARCHIVE.filedOutcomeLabel}`);
    expect(p.text('#filed-text')).toContain('第 2 次归档');
  });

  it('shows no filing note on a record filed once', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(ARCHIVE), 'org.tree': TREE },
    });
    expect(p.exists('#filed-text')).toBe(false);
  });

  it('says the record comes after the end', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: 'n-x' },
      responses: { 'notices.closeReport': worldReply('notices.closeReport.open'), 'org.tree': TREE },
    });
    expect(p.text('#page-state')).toContain('公示期结束或撤回后，才会生成归档记录');
  });
});
