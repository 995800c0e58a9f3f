/**
 * 荣誉证书查验: anyone, bound or not, types the certificate number or arrives by scanning its code (`scene`). The
 * answer says valid or revoked and when, who awarded it to whom; the revocation reason only to officers.
 */
import type { VerifyView } from '../../../../typings/actions';
import { go } from '../../../routes';
import { showError } from '../../../services/errors';
import { certificateNoFromScene, verifyCertificate } from '../../../services/honors';
import { definePage } from '../../../utils/define-page';

definePage()({
  data: {
    no: '',
    noError: '',
    checking: false,
    result: null as VerifyView | null,
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
    openCertificate() {
      if (this.data.result) go('honorCertificate', { no: this.data.result.certificateNo });
    },
  },
});
