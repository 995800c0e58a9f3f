import { DomainError } from '../../../server/domain/errors';
import {
  assertMayHide,
  checkPostImages,
  checkReview,
  checkRevocation,
  honorShownOnWall,
  postIsPublic,
} from '../../../server/domain/honors';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}

const mine = { recipientKind: 'person' as const, recipientId: 'p1', hidden: true, revoked: false };

describe('honors on walls (C9) and revocation (C8)', () => {
  it('hides a hidden honor from everyone but its holder, and a revoked one from all', () => {
    expect(honorShownOnWall(mine, 'p2')).toBe(false);
    expect(honorShownOnWall(mine, null)).toBe(false);
    expect(honorShownOnWall(mine, 'p1')).toBe(true);
    expect(honorShownOnWall({ ...mine, hidden: false }, null)).toBe(true);
    expect(honorShownOnWall({ ...mine, hidden: false, revoked: true }, 'p1')).toBe(false);
  });

  it('lets only the holder hide a personal honor', () => {
    expect(codeOf(() => assertMayHide(mine, 'p2'))).toBe('NOT_YOUR_HONOR');
    expect(codeOf(() => assertMayHide({ ...mine, recipientKind: 'association', recipientId: 'u1' }, 'p1'))).toBe(
      'NOT_YOUR_HONOR',
    );
    expect(codeOf(() => assertMayHide(mine, 'p1'))).toBeNull();
  });

  it('needs a reason to revoke, and revokes once', () => {
    expect(codeOf(() => checkRevocation({ revoked: false }, '   '))).toBe('REVOKE_REASON_REQUIRED');
    expect(checkRevocation({ revoked: false }, ' 材料不实 ')).toBe('材料不实');
    expect(codeOf(() => checkRevocation({ revoked: true }, '材料不实'))).toBe('HONOR_REVOKED');
  });
});

describe('showcase posts (D10)', () => {
  const img = { fileID: 'cloud://env/showcase/a.jpg', size: 1000, type: 'image/jpeg' };

  it('take up to nine JPG or PNG images of at most 5 MB', () => {
    expect(
      codeOf(() =>
        checkPostImages(Array.from({ length: 9 }, (_, i) => ({ ...img, fileID: `${i}.png`, type: 'image/png' }))),
      ),
    ).toBeNull();
    expect(codeOf(() => checkPostImages(Array.from({ length: 10 }, (_, i) => ({ ...img, fileID: `${i}.jpg` }))))).toBe(
      'TOO_MANY_IMAGES',
    );
    expect(codeOf(() => checkPostImages([{ ...img, type: 'image/gif', fileID: 'a.gif' }]))).toBe('IMAGE_TYPE_INVALID');
    expect(codeOf(() => checkPostImages([{ ...img, fileID: 'a.exe' }]))).toBe('IMAGE_TYPE_INVALID');
    expect(codeOf(() => checkPostImages([{ ...img, size: 6 * 1024 * 1024 }]))).toBe('IMAGE_TOO_LARGE');
  });

  it('are public only when reviewed and every image passed the media check', () => {
    expect(postIsPublic({ review: 'approved', images: [{ state: 'pass' }] })).toBe(true);
    expect(postIsPublic({ review: 'approved', images: [{ state: 'pending' }] })).toBe(false);
    expect(postIsPublic({ review: 'pending', images: [] })).toBe(false);
  });

  it('are refused in review only with a reason, and reviewed once', () => {
    expect(codeOf(() => checkReview({ review: 'pending' }, false, ''))).toBe('REVIEW_REASON_REQUIRED');
    expect(checkReview({ review: 'pending' }, true, '')).toBeNull();
    expect(codeOf(() => checkReview({ review: 'approved' }, true, ''))).toBe('POST_NOT_PENDING');
  });
});
