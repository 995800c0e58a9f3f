/** 本支部发展档案: the branch's cases, filtered by stage and overdue, in due order, a page at a time. */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { type CaseLineVM, STAGE_OPTIONS, toCaseLineVM } from '../../../services/pipeline/forms';
import type { PipelineStage } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';
const PAGE_SIZE = 20;

definePage<{ branchId: string; nextPage: number }>()({
  data: {
    state: 'loading' as State,
    message: '',
    branchName: '',
    stages: STAGE_OPTIONS,
    stage: '',
    overdue: false,
    items: [] as CaseLineVM[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.branchId = query.branchId ?? '';
      this.setData({ branchName: query.branchName ?? '' });
      this.load();
    },
    input(page: number) {
      return {
        branchId: this.branchId,
        stage: (this.data.stage || undefined) as PipelineStage | undefined,
        overdue: this.data.overdue ? true : undefined,
        page,
        pageSize: PAGE_SIZE,
      };
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('pipeline.list', this.input(1));
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      this.nextPage = 2;
      if (!res.data.items.length)
        return this.setData({
          state: 'empty',
          items: [],
          hasMore: false,
          message: this.data.overdue ? '没有逾期的发展档案' : '没有符合条件的发展档案',
        });
      this.setData({ state: 'ready', items: res.data.items.map(toCaseLineVM), hasMore: res.data.hasMore });
    },
    async more() {
      if (!this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const res = await call('pipeline.list', this.input(this.nextPage));
      this.setData({ loadingMore: false });
      if (!res.ok) return toast(errorText(res.error));
      this.nextPage += 1;
      this.setData({ items: [...this.data.items, ...res.data.items.map(toCaseLineVM)], hasMore: res.data.hasMore });
    },
    onReachBottom() {
      this.more();
    },
    pickStage(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>) {
      this.setData({ stage: e.currentTarget.dataset.value });
      this.load();
    },
    toggleOverdue() {
      this.setData({ overdue: !this.data.overdue });
      this.load();
    },
    openCase(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) go('pipelineCase', { caseId: id });
    },
  },
});
