/** 我的异议: the objections I raised, newest first, with where each stands and how it was handled. */

import { go } from '../../../routes';
import { call } from '../../../services/api';
import { type MyObjectionVM, toMyObjectionVM } from '../../../services/notices/objections';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 20;

definePage<{ list: PagedList }>()({
  data: listData<MyObjectionVM>(),
  methods: {
    ...listMethods,
    onLoad() {
      this.list = pagedList(this, {
        fetch: (page) => call('notices.myObjections', { page, pageSize: PAGE_SIZE }),
        toVM: toMyObjectionVM,
        empty: '您还没有提出过异议',
        forbidden: { NOT_BOUND: true },
      });
      this.reload();
    },
    openNotice(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) go('noticeDetail', { noticeId: id });
    },
  },
});
