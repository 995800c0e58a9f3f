/** 写思想汇报 (packages/activists/report/index): the activist writes a report; refusals show where they belong. */
import { worldInput, worldReply } from '../../../support/world-views';
import { fail, loadPage } from '../../harness';

const REPORT = 'packages/activists/report/index';
const SENT = worldInput('activists.submitReport.activist');

describe('写思想汇报', () => {
  it('submits the report and goes back to the file', async () => {
    const p = await loadPage(REPORT, {
      responses: { 'activists.submitReport': worldReply('activists.submitReport.activist') },
    });
    await p.trigger('#title-input', 'change', { value: SENT.title });
    await p.trigger('#text-input', 'change', { value: SENT.text });
    await p.tap('#submit-button');
    expect(p.callsOf('activists.submitReport')[0]!.input).toEqual(SENT);
    expect(p.toasts).toContain('已提交，等待培养联系人审阅');
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('shows a risky text under the text, and a student who is not an activist the reason', async () => {
    const risky = await loadPage(REPORT, { responses: { 'activists.submitReport': fail('CONTENT_REJECTED') } });
    await risky.trigger('#text-input', 'change', { value: SENT.text });
    await risky.tap('#submit-button');
    expect(risky.text('#text-error')).toContain('内容含有不适宜的信息');
    const other = await loadPage(REPORT, {
      responses: { 'activists.submitReport': worldReply('activists.submitReport.not_activist') },
    });
    await other.tap('#submit-button');
    expect(other.toasts).toContain('只有已建立档案的入党积极分子才能提交思想汇报');
    expect(other.navigations).toEqual([]);
  });
});
