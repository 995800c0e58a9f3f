/**
 * 归档记录 (officers): the filed snapshot of an ended notice (E2: text, scope, start, end, objections
 * and how each was handled). Anonymous objections stay anonymous here too: the record itself holds no identity.
 */
import type { ApiError } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type NoticeArchiveVM, toNoticeArchiveVM } from '../../../services/notices/archive';
import { PROVISIONAL_MARK } from '../../../services/notices/common';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

definePage<{ noticeId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    report: null as NoticeArchiveVM | null,
    /** Scope unit names; '' when the organisation tree could not be read. */
    scopeText: '',
    provisionalMark: PROVISIONAL_MARK,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.noticeId = query.noticeId ?? '';
      this.load();
    },
    async load() {
      if (!this.noticeId) {
        this.setData({ state: 'empty', message: '没有找到这条公示' });
        return;
      }
      this.setData({ state: 'loading' });
      const [report, tree] = await Promise.all([
        call('notices.closeReport', { noticeId: this.noticeId }),
        call('org.tree', {}),
      ]);
      if (!report.ok) return this.onError(report.error);
      // The record keeps unit ids; names come from the tree, and the record stands without them.
      const names = tree.ok ? new Map(tree.data.units.map((u) => [u.id, u.name])) : null;
      const scopeText = names ? report.data.scopeUnitIds.map((id) => names.get(id) ?? '已撤销的组织').join('、') : '';
      this.setData({ state: 'ready', report: toNoticeArchiveVM(report.data), scopeText });
    },
    onError(error: ApiError) {
      if (error.code === 'NOTICE_NOT_ENDED') {
        this.setData({ state: 'empty', message: '公示期结束或撤回后，才会生成归档记录' });
      } else if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE' || error.code === 'NOT_BOUND') {
        const message = error.code === 'NOT_BOUND' ? error.message : '您没有查看这条公示归档记录的权限';
        this.setData({ state: 'forbidden', message });
      } else if (error.code === 'NOT_FOUND') {
        this.setData({ state: 'empty', message: '这条公示不存在或已被删除' });
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
  },
});
