/** 归档记录 (packages/notices-admin/report/index): the filed record of a closed or withdrawn notice. */
import { UNITS } from '../../../support/demo-views/org';
import { ARCHIVE } from '../../../support/demo-views/notices';
import { fail, loadPage, ok } from '../../harness';

describe('归档记录', () => {
  const PAGE = 'packages/notices-admin/report/index';

  it('shows the filed record; anonymous objections stay anonymous', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(ARCHIVE), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.callsOf('notices.closeReport')[0].input).toEqual({ noticeId: ARCHIVE.noticeId });
    const text = p.text();
    expect(p.text('#result')).toContain('异议已核实处理');
    expect(text).toContain('体育学院学生党支部、篮球协会');
    expect(text).toContain('异议及处理（3条）');
    expect(p.count('.report-obj')).toBe(3);
    expect(p.text('#report-obj-1')).toContain('孙梦瑶');
    expect(p.text('#report-obj-1')).toContain('2026-11-20 14:32');
    const anonymous = p.text('#report-obj-2');
    expect(anonymous).toContain('匿名');
    // The day only, and no name anywhere in the entry.
    expect(anonymous.replace(/李雨桐 · 2026-11-22 10:05/, '')).not.toMatch(/\d{2}:\d{2}/);
    expect(anonymous).toContain('2026-11-20');
  });

  it('keeps how the publicity stood when first filed after a later handling re-filed it', async () => {
    const refiled = { ...ARCHIVE, revision: 2, filedOutcomeLabel: '尚有异议待处理' };
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(refiled), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.text('#result')).toContain('异议已核实处理');
    expect(p.text('#filed-text')).toContain('归档时：尚有异议待处理');
    expect(p.text('#filed-text')).toContain('第 2 次归档');
  });

  it('shows no filing note on a record filed once', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(ARCHIVE), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.exists('#filed-text')).toBe(false);
  });

  it('says the record comes after the end', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: 'n-x' },
      responses: { 'notices.closeReport': fail('NOTICE_NOT_ENDED'), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.text('#page-state')).toContain('公示期结束或撤回后，才会生成归档记录');
  });
});
