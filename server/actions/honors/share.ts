/**
 * Mini-program codes for sharing: a public post's (drawn on the Moments poster) and a certificate's (printed on it,
 * scanning opens verification). The scene carries only the post id or the certificate number.
 */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { certificateNumberValid, normalizeCertificateNumber } from '../../domain/honors';
import { honorId } from './docs';
import { requireHonor, requirePost } from './load';

export const shareCode = defineAction({
  name: 'share.code',
  summary: '风采展示（海报用）或荣誉证书（扫码查验）的小程序码',
  access: { kind: 'anyone' },
  errors: ['POST_NOT_FOUND', 'CERTIFICATE_NUMBER_INVALID', 'HONOR_NOT_FOUND'],
  async run({ store, ports }, { target }) {
    let page: string;
    let scene: string;
    if (target.kind === 'post') {
      const post = await requirePost(store, target.postId);
      if (!post.listed) throw new DomainError('POST_NOT_FOUND');
      page = 'packages/honors/post/index';
      scene = `id=${post._id}`;
    } else {
      const no = normalizeCertificateNumber(target.certificateNo);
      if (!no || !certificateNumberValid(no)) throw new DomainError('CERTIFICATE_NUMBER_INVALID');
      await requireHonor(store, honorId(no));
      page = 'packages/honors/verify/index';
      scene = `no=${no}`;
    }
    const png = await ports.miniCode.unlimited({ scene, page });
    return { png: png.toString('base64'), page, scene };
  },
});
