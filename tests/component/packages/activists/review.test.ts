/** 审阅思想汇报 (packages/activists/review/index): the contact marks the report waiting and comments on it. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const REVIEW = 'packages/activists/review/index';
const AS_CONTACT = worldView('activists.file.contact');
const SENT = worldInput('activists.reviewReport.contact');
const query = { personId: AS_CONTACT.personId };

describe('审阅思想汇报', () => {
  it('lists only the reports waiting, needs a mark, and records the review', async () => {
    const reviewed = {
      ...AS_CONTACT,
      reports: AS_CONTACT.reports.map((r) =>
        r.id === SENT.reportId ? worldView('activists.reviewReport.contact') : r,
      ),
    };
    const p = await loadPage(REVIEW, {
      query,
      responses: {
        'activists.file': [ok(AS_CONTACT), ok(reviewed)],
        'activists.reviewReport': worldReply('activists.reviewReport.contact'),
      },
    });
    expect(p.count('.rv-card')).toBe(AS_CONTACT.reports.filter((r) => r.mayReview).length);
    await p.tap('#review-0 .rv-submit');
    expect(p.text('#review-0')).toContain('请评定质量');
    await p.tap('#review-0 .mark-good');
    await p.trigger('#review-0 .rv-comment', 'change', { value: SENT.comment });
    await p.tap('#review-0 .rv-submit');
    expect(p.callsOf('activists.reviewReport')[0]!.input).toEqual(SENT);
    expect(p.toasts).toContain('审阅已记录');
    expect(p.text('#page-state')).toContain('的思想汇报都已审阅');
  });

  it('shows who may not review', async () => {
    const p = await loadPage(REVIEW, {
      query,
      responses: { 'activists.file': ok(AS_CONTACT), 'activists.reviewReport': fail('NOT_THE_CONTACT') },
    });
    await p.tap('#review-0 .mark-fair');
    await p.tap('#review-0 .rv-submit');
    expect(p.toasts).toContain('只有该积极分子的培养联系人才能审阅思想汇报');
  });
});
