/**
 * The machinery of a list page that loads a page at a time: the states (loading, ready, empty, forbidden, error),
 * reload (onLoad, pull-down, retry), 加载更多 / reaching the bottom, and what a failure does. A page supplies how to
 * fetch page N and what its items look like; everything else is here:
 *
 *   definePage<{ list: PagedList }>()({
 *     data: listData<NoticeCardVM>(),
 *     methods: {
 *       ...listMethods,
 *       onLoad() {
 *         this.list = pagedList(this, {
 *           fetch: (page) => call('notices.list', { scope: 'visible', page, pageSize: 10 }),
 *           toVM: (c) => toNoticeCardVM(c),
 *           empty: '暂无公示',
 *         });
 *         this.reload();
 *       },
 *     },
 *   });
 *
 * A page with its own rule (a filter, a guard, optimistic removal) overrides `reload` or `loadMore` after the spread
 * and calls `this.list.reload()` / `this.list.loadMore()` from there.
 */
import type { ApiError, ErrorCode, Result } from '../../typings/errors';
import { errorText, showError } from '../services/errors';

export type ListState = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

/** The render state every list page has: `data: listData<VM>()`, or spread it beside the page's own. */
export interface ListData<T> {
  state: ListState;
  message: string;
  items: T[];
  hasMore: boolean;
  loadingMore: boolean;
}

export function listData<T>(): ListData<T> {
  return { state: 'loading', message: '', items: [], hasMore: false, loadingMore: false };
}

export interface ListSource<TRaw extends { id: string }, T extends { id: string }> {
  /**
   * Page `page` (from 1) through services/api `call`. Read the page's filters (tab, unit ...) here: a reload after
   * they change drops the late answer for the old ones.
   */
  fetch(page: number): Promise<Result<{ items: TRaw[]; hasMore: boolean }>>;
  toVM(raw: TRaw): T;
  /** What the page says when the list is empty (a function when it depends on a filter). */
  empty: string | (() => string);
  /** The codes that mean "not yours to see", with what to say (`true`: the server's own message). */
  forbidden?: Partial<Record<ErrorCode, string | true>>;
  /** Data that follows from the whole list, set with it (e.g. a count above it). */
  derive?(items: T[]): Record<string, unknown>;
  /** The page 加载更多 asks for, given how many items are shown; by default the one after the last fetched. */
  nextPage?(shown: number): number;
}

/** What the list needs of its page (the page's `this`). */
export interface ListHost<T> {
  data: ListData<T>;
  setData(patch: Record<string, unknown>): void;
}

export interface PagedList {
  /** Page 1 again; what is on screen stays until it arrives. */
  reload(): Promise<void>;
  /** The next page, appended, when there is one and none is on its way. */
  loadMore(): Promise<void>;
}

export function pagedList<TRaw extends { id: string }, T extends { id: string }>(
  host: ListHost<T>,
  source: ListSource<TRaw, NoInfer<T>>,
): PagedList {
  return new List(host, source);
}

class List<TRaw extends { id: string }, T extends { id: string }> implements PagedList {
  private fetching = false;
  private next = 1;
  /** Bumped by reload: an answer for an older generation (another tab, unit, or a superseded page) is dropped. */
  private generation = 0;

  constructor(
    private readonly host: ListHost<T>,
    private readonly source: ListSource<TRaw, T>,
  ) {}

  async reload(): Promise<void> {
    this.generation += 1;
    this.fetching = false;
    const { items, state } = this.host.data;
    if (!items.length && state !== 'loading') this.host.setData({ state: 'loading' });
    await this.fetch(true);
  }

  async loadMore(): Promise<void> {
    if (!this.host.data.hasMore || this.host.data.loadingMore) return;
    await this.fetch(false);
  }

  private async fetch(fresh: boolean): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    const { host, source } = this;
    const generation = this.generation;
    if (!fresh) host.setData({ loadingMore: true });
    const page = fresh ? 1 : (source.nextPage?.(host.data.items.length) ?? this.next);
    const res = await source.fetch(page);
    if (generation !== this.generation) return;
    this.fetching = false;
    if (!res.ok) {
      if (host.data.loadingMore) host.setData({ loadingMore: false });
      this.fail(res.error);
      return;
    }
    this.next = page + 1;
    const shown = fresh ? [] : host.data.items;
    // An item that moved between pages since the last fetch is shown once, where it was first seen.
    const known = new Set(shown.map((i) => i.id));
    const added = res.data.items.filter((r) => !known.has(r.id)).map((r) => source.toVM(r));
    const items = shown.concat(added);
    const derived = source.derive?.(items);
    if (shown.length) {
      // Append only the new items: setData by path keeps the payload to this page's items.
      const patch: Record<string, unknown> = { hasMore: res.data.hasMore, loadingMore: false, ...derived };
      added.forEach((item, i) => {
        patch[`items[${shown.length + i}]`] = item;
      });
      host.setData(patch);
      return;
    }
    const empty = typeof source.empty === 'string' ? source.empty : source.empty();
    host.setData({
      items,
      hasMore: res.data.hasMore,
      loadingMore: false,
      state: items.length ? 'ready' : 'empty',
      message: items.length ? '' : empty,
      ...derived,
    });
  }

  private fail(error: ApiError): void {
    const forbidden = this.source.forbidden?.[error.code];
    const { items, state } = this.host.data;
    if (forbidden) {
      const message = forbidden === true ? error.message : forbidden;
      this.host.setData({ state: 'forbidden', message, items: [], hasMore: false });
    } else if (items.length && state === 'ready') {
      showError(error); // keep what is on screen
    } else {
      this.host.setData({ state: 'error', message: errorText(error) });
    }
  }
}

/** What `listMethods` needs of its page. */
interface ListPage {
  list: PagedList;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

/** The page methods of a list page (the WXML binds `reload` and `loadMore`): spread first into `methods`. */
export const listMethods = {
  onPullDownRefresh(this: ListPage): void {
    this.reload().then(() => wx.stopPullDownRefresh());
  },
  onReachBottom(this: ListPage): void {
    this.loadMore();
  },
  reload(this: ListPage): Promise<void> {
    return this.list.reload();
  },
  loadMore(this: ListPage): Promise<void> {
    return this.list.loadMore();
  },
};
