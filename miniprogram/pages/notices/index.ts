/**
 * 公示 (tab): the notices posted to the reader's units, in the server's order (open ones first), a page at a time.
 * A card opens the detail (packages/notices, preloaded from this tab).
 */

import { go } from '../../routes';
import { call } from '../../services/api';
import { type NoticeCardVM, toNoticeCardVM } from '../../services/notices/cards';
import { definePage } from '../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../utils/paged-list';

/** One screen and a bit: the first setData stays a few KB (bench/notices-setdata.ts). */
const PAGE_SIZE = 10;

definePage<{ list: PagedList }>()({
  data: listData<NoticeCardVM>(),
  methods: {
    ...listMethods,
    onLoad() {
      this.list = pagedList(this, {
        fetch: (page) => call('notices.list', { scope: 'visible', page, pageSize: PAGE_SIZE }),
        toVM: (c) => toNoticeCardVM(c),
        empty: '暂无公示',
        forbidden: { NOT_BOUND: '完成实名绑定后，才能查看所在组织的公示' },
      });
      this.reload();
    },
    onStatusAction() {
      if (this.data.state === 'forbidden') go('binding');
      else this.reload();
    },
    open(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      if (e.detail.id) go('noticeDetail', { noticeId: e.detail.id });
    },
    openMyObjections() {
      go('myObjections');
    },
  },
});
