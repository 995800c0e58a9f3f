/**
 * 备案确认 (for the party committee and the colleges' officers): the branch decisions in their scope whose filing
 * waits for their acknowledgement (A4; A7 under 2014), earliest first, a page at a time. Each decision opens the
 * confirmation; filing is not approval, so nothing here stops a case.
 */
import type { FilingView } from '../../../../typings/actions/pipeline';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { type FilingLineVM, toFilingLineVM } from '../../../services/pipeline/committee';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 20;

definePage<{ list: PagedList; shown: boolean }>()({
  data: listData<FilingLineVM>(),
  methods: {
    ...listMethods,
    onLoad() {
      this.list = pagedList<FilingView & { id: string }, FilingLineVM>(this, {
        fetch: async (page) => {
          const res = await call('pipeline.filings', { page, pageSize: PAGE_SIZE });
          if (!res.ok) return res;
          return {
            ok: true as const,
            data: {
              ...res.data,
              items: res.data.items.map((f): FilingView & { id: string } => ({ ...f, id: f.caseId })),
            },
          };
        },
        toVM: toFilingLineVM,
        empty: '没有待确认备案的支部决定',
        forbidden: { NOT_COMMITTEE: true },
      });
      this.reload();
    },
    onShow() {
      // Back from a confirmation: the acknowledged decision leaves the list.
      if (this.shown) this.reload();
      this.shown = true;
    },
    openFiling(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; decision: string }>,
    ) {
      const { id, decision } = e.currentTarget.dataset;
      if (id) go('pipelineFiling', { caseId: id, decision });
    },
    openCase(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) go('pipelineCase', { caseId: id });
    },
  },
});
