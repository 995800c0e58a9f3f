/**
 * 发布风采展示: title, text, tags and up to nine images, uploaded to cloud storage first. The server checks the text
 * before storing it and each image asynchronously; an association's post waits for the federation's review.
 */

import { replace } from '../../../routes';
import { showError, toast } from '../../../services/errors';
import { createPost } from '../../../services/honors';
import { IMAGE_TYPES, POST_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

interface Picked {
  fileID: string;
  size: number;
  type: string;
  path: string;
}

type Field = 'title' | 'text' | 'images' | 'tags';

function typeOf(path: string): string {
  return /\.png$/i.test(path) ? 'image/png' : /\.jpe?g$/i.test(path) ? 'image/jpeg' : 'application/octet-stream';
}

definePage<{ associationId: string }>()({
  data: {
    title: '',
    text: '',
    tags: '',
    images: [] as Picked[],
    errors: {} as Partial<Record<Field, string>>,
    submitting: false,
    limits: POST_LIMITS,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.associationId = query.associationId ?? '';
    },
    onTitle(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ title: e.detail.value, 'errors.title': '' });
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, 'errors.text': '' });
    },
    onTags(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ tags: e.detail.value, 'errors.tags': '' });
    },
    pick() {
      const room = POST_LIMITS.images - this.data.images.length;
      if (room <= 0) return toast(`最多 ${POST_LIMITS.images} 张图片`);
      wx.chooseMedia({
        count: room,
        mediaType: ['image'],
        sizeType: ['compressed'],
        success: async (r) => {
          const files = r.tempFiles.filter((f) => {
            if (f.size > POST_LIMITS.imageBytes) toast('单张图片不超过 5 MB');
            return (
              f.size <= POST_LIMITS.imageBytes && (IMAGE_TYPES as readonly string[]).includes(typeOf(f.tempFilePath))
            );
          });
          const uploaded: Picked[] = [];
          for (const f of files) {
            const ext = typeOf(f.tempFilePath) === 'image/png' ? 'png' : 'jpg';
            const cloudPath = `showcase/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
            const up = await wx.cloud.uploadFile({ cloudPath, filePath: f.tempFilePath });
            uploaded.push({ fileID: up.fileID, size: f.size, type: typeOf(f.tempFilePath), path: f.tempFilePath });
          }
          this.setData({ images: [...this.data.images, ...uploaded], 'errors.images': '' });
        },
      });
    },
    remove(e: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>) {
      const images = this.data.images.filter((_, i) => i !== e.currentTarget.dataset.index);
      this.setData({ images });
    },
    async submit() {
      if (this.data.submitting) return;
      const tags = this.data.tags
        .split(/[,，\s]+/)
        .map((t) => t.trim())
        .filter(Boolean);
      this.setData({ submitting: true });
      const res = await createPost({
        ...(this.associationId ? { associationId: this.associationId } : {}),
        title: this.data.title,
        text: this.data.text,
        tags,
        images: this.data.images.map(({ fileID, size, type }) => ({ fileID, size, type })),
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        const errors = showError(res.error, ['title', 'text', 'images', 'tags'] as const, {
          CONTENT_REJECTED: 'text',
          TOO_MANY_IMAGES: 'images',
          IMAGE_TYPE_INVALID: 'images',
          IMAGE_TOO_LARGE: 'images',
          IMAGE_NOT_FOUND: 'images',
        });
        return this.setData({ errors });
      }
      toast(res.data.review === 'pending' ? '已提交，等待社联审核' : '已发布，图片审核通过后显示');
      replace('showcasePost', { id: res.data.id });
    },
  },
});
