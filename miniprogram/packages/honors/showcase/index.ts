/**
 * 风采展示 (the full showcase): public posts newest first, a page at a time (加载更多 / reaching the bottom, by the
 * server's cursor), filtered by association and by tag. Reached from the home tab (`associationId`, `tag` preset a
 * filter); a tag on a card filters by it.
 */
import { go } from '../../../routes';
import { errorText, showError } from '../../../services/errors';
import { loadShowcase, type PostCardVM, toPostCardVM } from '../../../services/honors';
import { loadAssociations } from '../../../services/org';
import { definePage } from '../../../utils/define-page';

interface CardVM extends PostCardVM {
  tags: string[];
}

definePage<{ cursor: string | null; generation: number }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'empty' | 'error',
    errorMessage: '',
    items: [] as CardVM[],
    hasMore: false,
    loadingMore: false,
    associations: [] as { id: string; name: string }[],
    associationId: '',
    tag: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.cursor = null;
      this.generation = 0;
      this.setData({ associationId: query.associationId ?? '', tag: query.tag ?? '' });
      this.reload();
      this.loadFilters();
    },
    /** The associations to filter by (the school's organisation, as anyone sees it); none shown when it fails. */
    async loadFilters() {
      const res = await loadAssociations();
      if (res.ok) this.setData({ associations: res.data });
    },
    async reload() {
      this.generation += 1;
      this.cursor = null;
      if (!this.data.items.length) this.setData({ state: 'loading' });
      await this.fetch(true);
    },
    async loadMore() {
      if (!this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(false);
    },
    async fetch(fresh: boolean) {
      const generation = this.generation;
      const filter = {
        ...(this.data.associationId ? { associationId: this.data.associationId } : {}),
        ...(this.data.tag ? { tag: this.data.tag } : {}),
      };
      const res = await loadShowcase(fresh ? undefined : (this.cursor ?? undefined), filter);
      if (generation !== this.generation) return;
      if (!res.ok) {
        if (!fresh) {
          this.setData({ loadingMore: false });
          showError(res.error);
          return;
        }
        return this.setData({ state: 'error', errorMessage: errorText(res.error), items: [] });
      }
      this.cursor = res.data.next;
      const cards = res.data.items.map((c) => ({ ...toPostCardVM(c), tags: c.tags }));
      if (fresh) {
        return this.setData({
          items: cards,
          hasMore: res.data.next !== null,
          loadingMore: false,
          state: cards.length ? 'ready' : 'empty',
        });
      }
      // Append by path: setData carries only the new page.
      const patch: Record<string, unknown> = { hasMore: res.data.next !== null, loadingMore: false };
      cards.forEach((c, i) => {
        patch[`items[${this.data.items.length + i}]`] = c;
      });
      this.setData(patch);
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      this.loadMore();
    },
    filterAssociation(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id ?? '';
      if (id === this.data.associationId) return;
      this.setData({ associationId: id, items: [], hasMore: false });
      this.reload();
    },
    filterTag(e: WechatMiniprogram.BaseEvent<Record<string, never>, { tag: string }>) {
      const tag = e.currentTarget.dataset.tag ?? '';
      if (tag === this.data.tag) return;
      this.setData({ tag, items: [], hasMore: false });
      this.reload();
    },
    clearTag() {
      this.setData({ tag: '', items: [], hasMore: false });
      this.reload();
    },
    openPost(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      go('showcasePost', { id: e.currentTarget.dataset.id });
    },
  },
});
