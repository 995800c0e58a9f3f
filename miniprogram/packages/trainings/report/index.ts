/** 项目报告 (organiser): enrolment, attendance, hours, exam results and satisfaction (aggregates only), and the .xlsx export. */
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { onProgramLoad, openWorkbook, type ReportVM, toReportVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ programId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    report: null as ReportVM | null,
    exporting: false,
  },
  methods: {
    onLoad: onProgramLoad,
    async load() {
      const res = await call('trainings.report', { programId: this.programId });
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', report: toReportVM(res.data) });
    },
    async exportXlsx() {
      if (this.data.exporting) return;
      this.setData({ exporting: true });
      const res = await call('trainings.reportExport', { programId: this.programId });
      if (!res.ok) {
        this.setData({ exporting: false });
        return toast(errorText(res.error));
      }
      const opened = await openWorkbook(res.data.url);
      this.setData({ exporting: false });
      if (!opened) toast('报告已生成，但未能打开，请稍后重试');
    },
  },
});
