/**
 * 风采展示详情: the text, the images that passed the media check, likes, and sharing to a chat
 * (onShareAppMessage), to Moments (onShareTimeline) and as a poster for Moments drawn on a canvas with the title,
 * the cover and the post's mini-program code.
 */
import type { PostView } from '../../../../typings/actions';
import { go } from '../../../routes';
import { errorText, showError, toast } from '../../../services/errors';
import { likePost, loadPost, loadShareCode, postIdFrom } from '../../../services/honors';
import { canvasFile, canvasNode, loadImage, pngFile, wrap } from '../../../utils/canvas';
import { definePage } from '../../../utils/define-page';

const POSTER_W = 600;
const POSTER_H = 900;

definePage<{ postId: string }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    post: null as PostView | null,
    images: [] as string[],
    liking: false,
    drawing: false,
    posterShown: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.postId = postIdFrom(query);
      this.load();
    },
    async load() {
      const res = await loadPost(this.postId);
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const images = res.data.images.map((i) => i.url).filter((u): u is string => !!u);
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
    openAssociation() {
      const id = this.data.post?.associationId;
      if (id) go('association', { id });
    },
    preview(e: WechatMiniprogram.BaseEvent<Record<string, never>, { src: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.src, urls: this.data.images });
    },
    /** The Moments poster: title, cover and the post's mini-program code, drawn on a canvas, then previewed to save. */
    async poster() {
      const post = this.data.post;
      if (!post || this.data.drawing) return;
      if (!post.isPublic) return toast('公开后才能生成海报');
      this.setData({ drawing: true, posterShown: true });
      const code = await loadShareCode({ kind: 'post', postId: post.id });
      if (!code.ok) {
        this.setData({ drawing: false, posterShown: false });
        return showError(code.error);
      }
      const found = await canvasNode(this, '#poster-canvas', POSTER_W, POSTER_H);
      const codePath = found ? await pngFile(`poster-code-${post.id}`, code.data.png) : null;
      if (!found || !codePath) {
        this.setData({ drawing: false, posterShown: false });
        return toast('海报生成失败');
      }
      const { canvas, ctx } = found;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, POSTER_W, POSTER_H);
      const cover = post.cover ? await loadImage(canvas, post.cover) : null;
      if (cover) ctx.drawImage(cover, 0, 0, POSTER_W, 420);
      ctx.fillStyle = '#222';
      ctx.font = 'bold 36px sans-serif';
      wrap(post.title, 15, 2).forEach((line, i) => {
        ctx.fillText(line, 40, 490 + i * 48);
      });
      ctx.fillStyle = '#666';
      ctx.font = '24px sans-serif';
      ctx.fillText(`${post.associationName} · ${post.publishedOn}`, 40, 600);
      const codeImage = await loadImage(canvas, codePath);
      if (codeImage) ctx.drawImage(codeImage, POSTER_W - 220, POSTER_H - 240, 180, 180);
      ctx.fillText('长按识别小程序码，查看全文', 40, POSTER_H - 140);
      ctx.fillStyle = '#b8231f';
      ctx.fillText('领雁 · 社团风采', 40, POSTER_H - 90);
      const file = await canvasFile(canvas);
      this.setData({ drawing: false });
      if (!file) return toast('海报生成失败');
      wx.previewImage({ urls: [file], showmenu: true });
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
