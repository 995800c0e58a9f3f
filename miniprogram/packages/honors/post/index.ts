/**
 * 风采展示详情: the text, the images that passed the media check, likes, and sharing to a chat
 * (onShareAppMessage) and to Moments (onShareTimeline).
 */
import type { PostView } from '../../../../typings/actions';
import { likePost, loadPost } from '../../../services/honors';
import { errorText, showError } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';

definePage<{ postId: string }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    post: null as PostView | null,
    images: [] as string[],
    liking: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.postId = query.id ?? '';
      this.load();
    },
    async load() {
      const res = await loadPost(this.postId);
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const images = res.data.images.map((i) => i.fileID).filter((f): f is string => !!f);
      this.setData({ state: 'ready', post: res.data, images });
    },
    async like() {
      const post = this.data.post;
      if (!post || post.likedByMe || this.data.liking) return;
      this.setData({ liking: true });
      const res = await likePost(post.id);
      this.setData({ liking: false });
      if (!res.ok) return showError(res.error);
      this.setData({ 'post.likeCount': res.data.likeCount, 'post.likedByMe': true });
    },
    preview(e: WechatMiniprogram.BaseEvent<Record<string, never>, { src: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.src, urls: this.data.images });
    },
    onShareAppMessage() {
      const p = this.data.post;
      return {
        title: p?.title ?? '风采展示',
        path: `/packages/honors/post/index?id=${encodeURIComponent(this.postId)}`,
        ...(p?.cover ? { imageUrl: p.cover } : {}),
      };
    },
    onShareTimeline() {
      const p = this.data.post;
      return {
        title: p?.title ?? '风采展示',
        query: `id=${encodeURIComponent(this.postId)}`,
        ...(p?.cover ? { imageUrl: p.cover } : {}),
      };
    },
  },
});
