/** 培训项目报告 (packages/trainings/report/index): the figures, satisfaction only from 3 ratings, the .xlsx export. */
import { worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

/** The party committee's finished 发展对象 training: 3 raters on the first day, 2 on the second. */
const REPORT = worldView('trainings.report.candidates');

// biome-ignore lint/suspicious/noExplicitAny: the simulator's global wx
const wxGlobal = () => (globalThis as any).wx;

describe('the program report', () => {
  it('shows satisfaction only from 3 ratings and exports the workbook', async () => {
    const exported = worldView('trainings.reportExport.candidates');
    const p = await loadPage('packages/trainings/report/index', {
      query: { programId: REPORT.programId },
      responses: {
        'trainings.report': ok(REPORT),
        'trainings.reportExport': worldReply('trainings.reportExport.candidates'),
      },
    });
    const [shown, hidden] = REPORT.sessions;
    expect(p.text(`#session-${shown.sessionId}`)).toContain(`综合 ${shown.rating?.overall}`);
    expect(p.text(`#session-${hidden.sessionId}`)).toContain('2 人评价，不足 3 人，暂不显示');
    expect(p.text()).toContain('案例讲得很生动');
    const opened: string[] = [];
    wxGlobal().downloadFile = (o: {
      url: string;
      success: (r: { statusCode: number; tempFilePath: string }) => void;
    }) => o.success({ statusCode: 200, tempFilePath: `tmp:${o.url}` });
    wxGlobal().openDocument = (o: { filePath: string; success: () => void }) => {
      opened.push(o.filePath);
      o.success();
    };
    await p.tap('#export-button');
    expect(p.callsOf('trainings.reportExport')[0].input).toEqual({ programId: REPORT.programId });
    expect(opened).toEqual([`tmp:${exported.url}`]);
  });
});
