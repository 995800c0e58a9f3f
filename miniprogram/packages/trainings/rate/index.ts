/** 评价 (trainee): content, delivery and usefulness 1–5 and a comment; the organisers see only aggregates. */
import { call } from '../../../services/api';
import { showError, toast } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';

type Dimension = 'content' | 'delivery' | 'usefulness';

definePage<{ sessionId: string }>()({
  data: {
    title: '',
    content: 0,
    delivery: 0,
    usefulness: 0,
    comment: '',
    error: '',
    saving: false,
    done: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.sessionId = query.sessionId ?? '';
      this.setData({ title: query.title ?? '' });
    },
    onRate(e: WechatMiniprogram.CustomEvent<{ value: number }, Record<string, never>, { dim: Dimension }>) {
      this.setData({ [e.currentTarget.dataset.dim]: e.detail.value, error: '' });
    },
    onComment(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value });
    },
    async submit() {
      const { content, delivery, usefulness, comment, saving } = this.data;
      if (saving) return;
      if (!content || !delivery || !usefulness) return this.setData({ error: '请为三项都打分' });
      this.setData({ saving: true });
      const res = await call('trainings.rate', { sessionId: this.sessionId, content, delivery, usefulness, comment });
      this.setData({ saving: false });
      if (!res.ok) {
        const fields = showError(res.error, ['comment'] as const, { CONTENT_REJECTED: 'comment' });
        if (fields.comment) this.setData({ error: fields.comment });
        return;
      }
      this.setData({ done: true });
      toast('感谢您的评价');
    },
  },
});
