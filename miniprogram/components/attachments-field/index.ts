/**
 * The attachments of a record (发展档案附件): add files from a chat or images from the album, uploaded at once into
 * the case's folder of cloud storage; each listed by name with a remove; the server's refusal shown under the list.
 * Events: `change` {fileIds, uploading} whenever the list or the upload state changes.
 */
import {
  type AttachmentVM,
  chooseAttachments,
  toAttachmentVMs,
  uploadAttachments,
  withinSizeLimit,
} from '../../services/pipeline/attachments';
import { PIPELINE_LIMITS } from '../../typings/vocabulary';

Component({
  properties: {
    /** The case whose folder the files go to. */
    caseId: { type: String, value: '' },
    /** The server's refusal of an attachment; the page clears it on the next change. */
    error: { type: String, value: '' },
  },
  data: {
    items: [] as AttachmentVM[],
    uploading: false,
    max: PIPELINE_LIMITS.attachmentsMax as number,
    maxMb: PIPELINE_LIMITS.attachmentBytes / (1024 * 1024),
  },
  methods: {
    pickFile() {
      this.pick('file');
    },
    pickImage() {
      this.pick('image');
    },
    async pick(source: 'file' | 'image') {
      if (this.data.uploading) return;
      const room = this.data.max - this.data.items.length;
      if (room <= 0) {
        wx.showToast({ title: `最多 ${this.data.max} 个附件`, icon: 'none' });
        return;
      }
      const { fitting: picked, tooLarge } = withinSizeLimit(await chooseAttachments(source, room));
      if (tooLarge) wx.showToast({ title: `单个附件不超过 ${this.data.maxMb} MB`, icon: 'none' });
      if (!picked.length) return;
      this.setData({ uploading: true });
      this.emit();
      const { fileIds, failed } = await uploadAttachments(this.data.caseId, picked);
      const ids = [...this.data.items.map((i) => i.fileId), ...fileIds];
      this.setData({ items: toAttachmentVMs(ids), uploading: false });
      this.emit();
      if (failed) wx.showToast({ title: `${failed} 个附件上传失败，请重试`, icon: 'none' });
    },
    remove(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      if (this.data.uploading) return;
      const items = this.data.items.filter((_, i) => i !== e.currentTarget.dataset.index);
      this.setData({ items });
      this.emit();
    },
    emit() {
      this.triggerEvent('change', { fileIds: this.data.items.map((i) => i.fileId), uploading: this.data.uploading });
    },
  },
});
