/**
 * 异议处理 (packages/notices-admin/objections/index): an officer investigates and records the outcome of each
 * objection.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

/** The objections to the demo world's open 公示 as its college officer sees them: one by name, one anonymous. */
const OPEN = worldView('notices.objections.open.officer');
/** The same after the officer handled the real-name one (and a third arrived). */
const AFTER = worldView('notices.objections.open.after_handling');
const HANDLING = worldInput('notices.handleObjection.real_name');

describe('异议处理', () => {
  const PAGE = 'packages/notices-admin/objections/index';
  const query = { noticeId: worldInput('notices.objections.open.officer').noticeId };
  const realName = OPEN.items.find((o) => !o.anonymous)!;
  const anonymous = OPEN.items.find((o) => o.anonymous)!;

  it('lists objections: a real-name one with its name, anonymous ones without any', async () => {
    // One flagged by the content check for a person to look at (none is, in the world).
    const page = { ...OPEN, items: OPEN.items.map((o) => (o.anonymous ? { ...o, needsReview: true } : o)) };
    const p = await loadPage(PAGE, { query, responses: { 'notices.objections': ok(page) } });
    expect(p.callsOf('notices.objections')[0].input).toEqual({ noticeId: query.noticeId, page: 1, pageSize: 20 });
    const named = p.text(`#objection-${realName.id}`);
    expect(named).toContain('实名');
    expect(named).toContain(realName.objector!.name);
    expect(named).toContain(`${realName.submittedAt.slice(0, 10)} 提交`);
    const hidden = p.text(`#objection-${anonymous.id}`);
    expect(hidden).toContain('匿名');
    expect(hidden).toContain(`${anonymous.submittedAt} 提交`);
    expect(hidden).not.toContain(realName.objector!.name);
    expect(hidden).toContain('内容待人工复核');
    expect(p.text('#pending-count')).toBe(`${OPEN.items.length} 条待处理。`);
  });

  it('shows how a handled objection ended', async () => {
    const p = await loadPage(PAGE, { query, responses: { 'notices.objections': ok(AFTER) } });
    const handled = AFTER.items.find((o) => o.handling)!;
    expect(p.text(`#objection-${handled.id}`)).toContain(handled.handling!.outcomeLabel);
    expect(p.text(`#objection-${handled.id}`)).toContain(handled.handling!.investigation);
  });

  it('records the investigation and the finding, and shows the result', async () => {
    const p = await loadPage(PAGE, {
      query,
      responses: {
        'notices.objections': ok(OPEN),
        'notices.handleObjection': worldReply('notices.handleObjection.real_name'),
      },
    });
    await p.tap(`#objection-${realName.id} .handle-button`);
    await p.tap('#submit-handling');
    expect(p.callsOf('notices.handleObjection')).toHaveLength(0);
    expect(p.text('#investigation-error')).toBe('请填写调查核实情况');
    expect(p.text('#outcome-error')).toBe('请选择核实结论');

    await p.trigger('#investigation-input', 'change', { value: ` ${HANDLING.investigation} ` });
    await p.trigger('#outcome-radio', 'change', { value: HANDLING.outcome });
    await p.tap('#submit-handling');
    expect(p.callsOf('notices.handleObjection').map((c) => c.input)).toEqual([HANDLING]);
    expect(p.toasts).toEqual(['已记录处理结果']);
    expect(p.exists('#handle-form')).toBe(false);
    expect(p.text(`#objection-${realName.id}`)).toContain('异议成立');
    expect(p.text(`#objection-${realName.id}`)).toContain(HANDLING.investigation);
    expect(p.text('#pending-count')).toBe(`${OPEN.items.length - 1} 条待处理。`);
  });

  it('reloads when another officer handled it first', async () => {
    const p = await loadPage(PAGE, {
      query,
      responses: {
        'notices.objections': [ok(OPEN), ok(AFTER)],
        'notices.handleObjection': fail('OBJECTION_ALREADY_HANDLED'),
      },
    });
    await p.tap(`#objection-${realName.id} .handle-button`);
    await p.trigger('#investigation-input', 'change', { value: '核实' });
    await p.trigger('#outcome-radio', 'change', { value: 'dismissed' });
    await p.tap('#submit-handling');
    expect(p.toasts).toEqual(['该异议已处理']);
    expect(p.callsOf('notices.objections')).toHaveLength(2);
    expect(p.text(`#objection-${realName.id}`)).toContain(
      AFTER.items.find((o) => o.id === realName.id)!.handling!.outcomeLabel,
    );
  });
});
