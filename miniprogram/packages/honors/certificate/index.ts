/**
 * 荣誉证书: the certificate drawn on a canvas (2d), which the holder saves to the album and shares. The figures come
 * from verification, so the image always says what the record says today.
 */
import type { VerifyView } from '../../../../typings/actions';
import { errorText, toast } from '../../../services/errors';
import { certificateLines, loadShareCode, verifyCertificate } from '../../../services/honors';
import { canvasNode, loadImage, pngFile } from '../../../utils/canvas';
import { definePage } from '../../../utils/define-page';

const WIDTH = 600;
const HEIGHT = 840;

definePage<{ canvas: WechatMiniprogram.Canvas | null }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    cert: null as VerifyView | null,
    saving: false,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      this.canvas = null;
      const res = await verifyCertificate(query.no ?? '');
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', cert: res.data });
      this.draw(res.data);
    },
    /**
     * Draws the certificate once the canvas node exists (absent outside WeChat: nothing to draw on), with the
     * certificate's mini-program code in the corner: scanning it opens verification.
     */
    async draw(cert: VerifyView) {
      const found = await canvasNode(this, '#certificate-canvas', WIDTH, HEIGHT);
      if (!found) return;
      const { canvas, ctx } = found;
      ctx.fillStyle = '#fffaf0';
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
      ctx.strokeStyle = '#b8231f';
      ctx.lineWidth = 8;
      ctx.strokeRect(24, 24, WIDTH - 48, HEIGHT - 48);
      ctx.fillStyle = '#b8231f';
      ctx.textAlign = 'center';
      const [heading, ...rest] = certificateLines(cert);
      ctx.font = 'bold 56px sans-serif';
      ctx.fillText(heading, WIDTH / 2, 150);
      ctx.fillStyle = '#333';
      ctx.font = '28px sans-serif';
      rest.forEach((line, i) => {
        ctx.fillText(line, WIDTH / 2, 260 + i * 64);
      });
      const code = await loadShareCode({ kind: 'certificate', certificateNo: cert.certificateNo });
      const path = code.ok ? await pngFile(`certificate-code-${cert.certificateNo}`, code.data.png) : null;
      const image = path ? await loadImage(canvas, path) : null;
      if (image) ctx.drawImage(image, WIDTH - 190, HEIGHT - 190, 140, 140);
      this.canvas = canvas;
    },
    save() {
      if (!this.canvas || this.data.saving) return toast('证书图片尚未生成');
      this.setData({ saving: true });
      wx.canvasToTempFilePath({
        canvas: this.canvas,
        success: (r) =>
          wx.saveImageToPhotosAlbum({
            filePath: r.tempFilePath,
            success: () => toast('已保存到相册'),
            fail: () => toast('保存失败，请允许保存到相册'),
            complete: () => this.setData({ saving: false }),
          }),
        fail: () => {
          this.setData({ saving: false });
          toast('证书图片生成失败');
        },
      });
    },
    onShareAppMessage() {
      const cert = this.data.cert;
      return {
        title: cert ? `${cert.recipientName}荣获「${cert.title}」` : '荣誉证书',
        path: `/packages/honors/verify/index?no=${encodeURIComponent(cert?.certificateNo ?? '')}`,
      };
    },
  },
});
