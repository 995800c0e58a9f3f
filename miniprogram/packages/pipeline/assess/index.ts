/**
 * 临时支部考察 (D6: a temporary branch never owns a case; its assessments and activity records flow home): the members
 * of the caller's temporary branches with an open development case, by name and home branch, a page at a time; each
 * opens the assessment form addressed by person, sent from the temporary branch. The server decides who is listed.
 */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { type AssessableVM, type OptionVM, toAssessableVM } from '../../../services/pipeline/forms';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';
const PAGE_SIZE = 20;

definePage<{ nextPage: number }>()({
  data: {
    state: 'loading' as State,
    message: '',
    units: [] as OptionVM[],
    unitId: '',
    items: [] as AssessableVM[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ unitId: query.unitId ?? '' });
      this.load();
    },
    input(page: number) {
      return { unitId: this.data.unitId || undefined, page, pageSize: PAGE_SIZE };
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('pipeline.assessable', this.input(1));
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      this.nextPage = 2;
      const units = res.data.units.map((u) => ({ value: u.id, label: u.name }));
      if (!res.data.items.length)
        return this.setData({
          state: 'empty',
          units,
          items: [],
          hasMore: false,
          message: '本临时支部暂无正在培养考察的成员',
        });
      this.setData({ state: 'ready', units, items: res.data.items.map(toAssessableVM), hasMore: res.data.hasMore });
    },
    async more() {
      if (!this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const res = await call('pipeline.assessable', this.input(this.nextPage));
      this.setData({ loadingMore: false });
      if (!res.ok) return toast(errorText(res.error));
      this.nextPage += 1;
      this.setData({ items: [...this.data.items, ...res.data.items.map(toAssessableVM)], hasMore: res.data.hasMore });
    },
    onReachBottom() {
      this.more();
    },
    pickUnit(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>) {
      this.setData({ unitId: e.currentTarget.dataset.value });
      this.load();
    },
    openAssessment(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const row = this.data.items.find((i) => i.key === e.currentTarget.dataset.key);
      if (!row) return;
      go('pipelineAct', {
        form: 'assessment',
        personId: row.personId,
        unitId: row.unitId,
        personName: row.name,
        unitName: row.unitName,
      });
    },
  },
});
