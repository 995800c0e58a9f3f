/** Verifying a certificate: anyone, bound or not, by its number (one read). */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { certificateNumberValid, normalizeCertificateNumber } from '../../domain/honors';
import { isHonorOfficer } from './access';
import { honorId } from './docs';
import { requireHonor } from './load';
import { verifyView } from './views';

export const honorsVerify = defineAction({
  name: 'honors.verify',
  summary: '凭证书编号（或扫码）查验荣誉：有效或已撤销及日期、授予单位、获奖对象、时间；撤销理由仅授予单位干部可见',
  access: { kind: 'anyone' },
  errors: ['CERTIFICATE_NUMBER_INVALID', 'HONOR_NOT_FOUND'],
  async run({ actor, store }, input) {
    const no = normalizeCertificateNumber(input.certificateNo);
    // C8: a mistyped or made-up number fails its check symbol before anything is read.
    if (!no || !certificateNumberValid(no)) throw new DomainError('CERTIFICATE_NUMBER_INVALID');
    const h = await requireHonor(store, honorId(no));
    return verifyView(h, isHonorOfficer(actor, h));
  },
});
