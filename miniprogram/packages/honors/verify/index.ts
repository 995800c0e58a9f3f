/**
 * 荣誉证书查验: anyone, bound or not, types the certificate number or arrives by scanning its code (`scene`). The
 * answer says valid or revoked and when, who awarded it to whom; the revocation reason only to officers.
 */
import type { VerifyView } from '../../../../typings/actions';
import { go } from '../../../routes';
import { showError, toast } from '../../../services/errors';
import { certificateNoFromScene, revokeHonor, verifyCertificate } from '../../../services/honors';
import { definePage } from '../../../utils/define-page';

definePage()({
  data: {
    no: '',
    noError: '',
    checking: false,
    result: null as VerifyView | null,
    revoking: false,
    reasonError: '',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const no = query.no ?? certificateNoFromScene(query.scene);
      if (no) {
        this.setData({ no });
        this.verify();
      }
    },
    onNoChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ no: e.detail.value, noError: '', result: null });
    },
    async verify() {
      if (this.data.checking) return;
      const no = this.data.no.trim();
      if (!no) return this.setData({ noError: '请输入证书编号' });
      this.setData({ checking: true, result: null });
      const res = await verifyCertificate(no);
      this.setData({ checking: false });
      if (!res.ok) {
        const fields = showError(res.error, ['certificateNo'] as const, {
          CERTIFICATE_NUMBER_INVALID: 'certificateNo',
          HONOR_NOT_FOUND: 'certificateNo',
        });
        if (fields.certificateNo) this.setData({ noError: fields.certificateNo });
        return;
      }
      this.setData({ result: res.data });
    },
    openRevoke() {
      this.setData({ revoking: true, reasonError: '' });
    },
    closeRevoke() {
      this.setData({ revoking: false, reasonError: '' });
    },
    /** Officers of the awarding unit: revocation with a reason; the page then shows the honor as revoked. */
    async confirmRevoke(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const result = this.data.result;
      if (!result || this.data.busy) return;
      const reason = (e.detail.reason ?? '').trim();
      if (!reason) return this.setData({ reasonError: '请填写撤销理由' });
      this.setData({ busy: true });
      const res = await revokeHonor(result.honorId, reason);
      this.setData({ busy: false });
      if (!res.ok) {
        const f = showError(res.error, ['reason'] as const, { REVOKE_REASON_REQUIRED: 'reason' });
        if (f.reason) this.setData({ reasonError: f.reason });
        return;
      }
      this.setData({ revoking: false });
      toast('已撤销');
      await this.verify();
    },
    openCertificate() {
      if (this.data.result) go('honorCertificate', { no: this.data.result.certificateNo });
    },
  },
});
