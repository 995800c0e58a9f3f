/**
 * 公示管理 (officers): the notices of the units I manage, drafts included, a page at a time; 新建公示 opens the form.
 * A card opens the detail, where an officer edits, publishes, withdraws and handles objections.
 */

import { go } from '../../../routes';
import { call } from '../../../services/api';
import { type NoticeCardVM, toNoticeCardVM } from '../../../services/notices/cards';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 10;

definePage<{ list: PagedList; shown: boolean }>()({
  data: listData<NoticeCardVM>(),
  methods: {
    ...listMethods,
    onLoad() {
      this.shown = false;
      this.list = pagedList(this, {
        fetch: (page) => call('notices.list', { scope: 'managed', page, pageSize: PAGE_SIZE }),
        toVM: (c) => toNoticeCardVM(c),
        empty: '还没有公示。点击下方「新建公示」起草第一条。',
        forbidden: { FORBIDDEN: '您没有管理公示的权限', NOT_BOUND: true },
      });
      this.reload();
    },
    onShow() {
      // Back from the form or a detail: drafts and states may have changed.
      if (this.shown) this.reload();
      this.shown = true;
    },
    open(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      if (e.detail.id) go('noticeDetail', { noticeId: e.detail.id });
    },
    create() {
      go('noticeEdit');
    },
  },
});
