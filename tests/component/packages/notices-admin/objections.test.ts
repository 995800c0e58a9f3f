/**
 * 异议处理 (packages/notices-admin/objections/index): an officer investigates and records the outcome of each
 * objection.
 */
import { DETAIL_OPEN_OFFICER, objectionsPage, OFFICER_OBJECTIONS } from '../../../support/demo-views/notices';
import { fail, loadPage, ok } from '../../harness';

describe('异议处理', () => {
  const PAGE = 'packages/notices-admin/objections/index';
  const query = { noticeId: DETAIL_OPEN_OFFICER.id };

  it('lists objections: a real-name one with its name, anonymous ones without any', async () => {
    const p = await loadPage(PAGE, { query, responses: { 'notices.objections': ok(objectionsPage()) } });
    expect(p.callsOf('notices.objections')[0].input).toEqual({
      noticeId: DETAIL_OPEN_OFFICER.id,
      page: 1,
      pageSize: 20,
    });
    expect(p.text('#objection-o-1')).toContain('实名');
    expect(p.text('#objection-o-1')).toContain('孙梦瑶');
    expect(p.text('#objection-o-1')).toContain('2026-11-20 提交');
    expect(p.text('#objection-o-2')).toContain('匿名');
    expect(p.text('#objection-o-2')).toContain('内容待人工复核');
    expect(p.text('#objection-o-2')).toContain('异议不成立');
    expect(p.text('#pending-count')).toBe('1 条待处理。');
  });

  it('records the investigation and the finding, and shows the result', async () => {
    const p = await loadPage(PAGE, {
      query,
      responses: {
        'notices.objections': ok(objectionsPage()),
        'notices.handleObjection': ok({ objectionId: 'o-1', outcome: 'dismissed', noticeOutcome: null }),
      },
    });
    await p.tap('#objection-o-1 .handle-button');
    await p.tap('#submit-handling');
    expect(p.callsOf('notices.handleObjection')).toHaveLength(0);
    expect(p.text('#investigation-error')).toBe('请填写调查核实情况');
    expect(p.text('#outcome-error')).toBe('请选择核实结论');

    await p.trigger('#investigation-input', 'change', { value: ' 经查为缓考，已补考合格。 ' });
    await p.trigger('#outcome-radio', 'change', { value: 'dismissed' });
    await p.tap('#submit-handling');
    expect(p.callsOf('notices.handleObjection').map((c) => c.input)).toEqual([
      { objectionId: 'o-1', investigation: '经查为缓考，已补考合格。', outcome: 'dismissed' },
    ]);
    expect(p.toasts).toEqual(['已记录处理结果']);
    expect(p.exists('#handle-form')).toBe(false);
    expect(p.text('#objection-o-1')).toContain('异议不成立');
    expect(p.text('#objection-o-1')).toContain('经查为缓考，已补考合格。');
    expect(p.exists('#pending-count')).toBe(false);
  });

  it('reloads when another officer handled it first', async () => {
    const handled = OFFICER_OBJECTIONS.map((o) =>
      o.id === 'o-1' ? { ...o, handling: OFFICER_OBJECTIONS[1].handling } : o,
    );
    const p = await loadPage(PAGE, {
      query,
      responses: {
        'notices.objections': [ok(objectionsPage()), ok(objectionsPage(handled))],
        'notices.handleObjection': fail('OBJECTION_ALREADY_HANDLED'),
      },
    });
    await p.tap('#objection-o-1 .handle-button');
    await p.trigger('#investigation-input', 'change', { value: '核实' });
    await p.trigger('#outcome-radio', 'change', { value: 'upheld' });
    await p.tap('#submit-handling');
    expect(p.toasts).toEqual(['该异议已处理']);
    expect(p.callsOf('notices.objections')).toHaveLength(2);
    expect(p.text('#objection-o-1')).toContain('异议不成立');
  });
});
