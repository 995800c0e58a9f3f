/** 风采展示审核 (federation officers): each waiting association post, approved or refused with a reason. */
import type { PostView } from '../../../../typings/actions';
import { errorText, showError, toast } from '../../../services/errors';
import { loadReviewQueue, reviewPost } from '../../../services/honors';
import { definePage } from '../../../utils/define-page';

interface ItemVM {
  id: string;
  title: string;
  text: string;
  association: string;
  author: string;
  imagesLine: string;
}

function toItemVM(p: PostView): ItemVM {
  const pending = p.images.filter((i) => i.state === 'pending').length;
  const rejected = p.images.filter((i) => i.state === 'rejected').length;
  return {
    id: p.id,
    title: p.title,
    text: p.text,
    association: p.associationName,
    author: p.authorName,
    imagesLine: `图片 ${p.images.length} 张${pending ? `，${pending} 张检测中` : ''}${rejected ? `，${rejected} 张未通过` : ''}`,
  };
}

definePage<{ next: string | null }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'empty' | 'error',
    errorMessage: '',
    items: [] as ItemVM[],
    refusing: '',
    reasonError: '',
    busy: false,
  },
  methods: {
    onLoad() {
      this.next = null;
      this.load();
    },
    async load() {
      const res = await loadReviewQueue();
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.next = res.data.next;
      const items = res.data.items.map(toItemVM);
      this.setData({ state: items.length ? 'ready' : 'empty', items });
    },
    async approve(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      await this.decide(e.currentTarget.dataset.id, true, '');
    },
    refuse(e: WechatMiniprogram.BaseEvent<Record<string, never>, { id: string }>) {
      this.setData({ refusing: e.currentTarget.dataset.id, reasonError: '' });
    },
    closeDialog() {
      this.setData({ refusing: '', reasonError: '' });
    },
    async confirmRefusal(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const reason = (e.detail.reason ?? '').trim();
      if (!reason) return this.setData({ reasonError: '请填写未通过的理由' });
      await this.decide(this.data.refusing, false, reason);
    },
    async decide(id: string, approve: boolean, reason: string) {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const res = await reviewPost(id, approve, reason);
      this.setData({ busy: false });
      if (!res.ok) {
        const f = showError(res.error, ['reason'] as const, { REVIEW_REASON_REQUIRED: 'reason' });
        if (f.reason) this.setData({ reasonError: f.reason });
        return;
      }
      toast(approve ? '已通过' : '已退回');
      const items = this.data.items.filter((i) => i.id !== id);
      this.setData({ items, refusing: '', state: items.length ? 'ready' : 'empty' });
    },
  },
});
