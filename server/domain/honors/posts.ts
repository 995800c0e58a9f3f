/**
 * The achievement showcase (D10): what a post may carry, when it is public, and who reviews it.
 */
import type { ImageType, MediaState, PostReviewState } from '../../../typings/vocabulary';
import { IMAGE_TYPES, POST_LIMITS } from '../../../typings/vocabulary';
import { DomainError } from '../errors';
import { FILE_HEAD_BYTES, fileTypeOfBytes } from '../files';

export interface ImageInput {
  fileID: string;
  size: number;
  type: string;
}

const EXTENSIONS: Record<ImageType, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/**
 * D10: at most nine images, each a cloud file of an accepted type (declared and by its name) within the size limit.
 * Throws TOO_MANY_IMAGES, IMAGE_TYPE_INVALID or IMAGE_TOO_LARGE naming the image.
 */
export function checkPostImages(images: readonly ImageInput[]): void {
  if (images.length > POST_LIMITS.images) {
    throw new DomainError('TOO_MANY_IMAGES', undefined, { images: `最多 ${POST_LIMITS.images} 张` });
  }
  const seen = new Set<string>();
  images.forEach((img, i) => {
    const field = `images.${i}`;
    const type = img.type as ImageType;
    const name = img.fileID.toLowerCase();
    if (!IMAGE_TYPES.includes(type) || !EXTENSIONS[type].some((ext) => name.endsWith(ext))) {
      throw new DomainError('IMAGE_TYPE_INVALID', undefined, { [field]: '仅支持 JPG、PNG 图片' });
    }
    if (!Number.isInteger(img.size) || img.size <= 0 || img.size > POST_LIMITS.imageBytes) {
      throw new DomainError('IMAGE_TOO_LARGE', undefined, { [field]: '单张图片不超过 5 MB' });
    }
    if (seen.has(img.fileID)) throw new DomainError('BAD_INPUT', undefined, { [field]: '图片重复' });
    seen.add(img.fileID);
  });
}

/** How many first bytes of a stored file tell its format. */
export const IMAGE_HEAD_BYTES = FILE_HEAD_BYTES;

/** The image format a file's first bytes say it is (JPEG or PNG), or null. */
export function imageTypeOfBytes(head: Uint8Array): ImageType | null {
  const type = fileTypeOfBytes(head);
  return type === 'image/jpeg' || type === 'image/png' ? type : null;
}

/**
 * D10: each image as it is stored, never as the client declared it: the file exists in the app's storage
 * (IMAGE_NOT_FOUND), its bytes are a JPG or PNG (IMAGE_TYPE_INVALID) and it is within the size limit
 * (IMAGE_TOO_LARGE). Returns each image's real size and type, which is what the post keeps.
 */
export function checkStoredImages(
  files: readonly ({ size: number; head: Uint8Array } | null)[],
): { size: number; type: ImageType }[] {
  return files.map((f, i) => {
    const field = `images.${i}`;
    if (!f) throw new DomainError('IMAGE_NOT_FOUND', undefined, { [field]: '图片未上传成功，请重新上传' });
    const type = imageTypeOfBytes(f.head);
    if (!type) throw new DomainError('IMAGE_TYPE_INVALID', undefined, { [field]: '仅支持 JPG、PNG 图片' });
    if (f.size <= 0 || f.size > POST_LIMITS.imageBytes) {
      throw new DomainError('IMAGE_TOO_LARGE', undefined, { [field]: '单张图片不超过 5 MB' });
    }
    return { size: f.size, type };
  });
}

export interface PostState {
  review: PostReviewState;
  images: readonly { state: MediaState }[];
}

/** D10: a post is public once reviewed (or needing none) and every image has passed the media check. */
export function postIsPublic(p: PostState): boolean {
  return p.review === 'approved' && p.images.every((i) => i.state === 'pass');
}

/** D10: a federation officer's post needs no review; an association's is reviewed by a federation officer. */
export function initialReview(byFederation: boolean): PostReviewState {
  return byFederation ? 'approved' : 'pending';
}

/** D10: only a pending post is reviewed; a refusal carries a reason. Returns the trimmed reason (null on approval). */
export function checkReview(p: { review: PostReviewState }, approve: boolean, reason: string): string | null {
  if (p.review !== 'pending') throw new DomainError('POST_NOT_PENDING');
  if (approve) return null;
  const r = reason.trim();
  if (!r) throw new DomainError('REVIEW_REASON_REQUIRED', undefined, { reason: '请填写未通过的理由' });
  return r;
}

/**
 * D10: how long an image waits for WeChat's asynchronous media check before it is submitted again, and how many
 * submissions it gets in all before it is given up (`failed`: never shown, so the post is not left pending forever).
 */
export const MEDIA_RECHECK = { afterMs: 30 * 60_000, attempts: 3 } as const;

/**
 * D10: what to do with a filed media check at `nowMs`: nothing yet (`wait`), nothing at all (`settled`: the image has
 * its verdict), submit the image again (`resubmit`), or give it up (`fail`) after the last attempt went unanswered.
 */
export function nextMediaCheckStep(
  check: { attempt: number; dueAt: number },
  imageState: MediaState | undefined,
  nowMs: number,
): 'settled' | 'wait' | 'resubmit' | 'fail' {
  if (imageState !== 'pending') return 'settled';
  if (nowMs < check.dueAt) return 'wait';
  return check.attempt < MEDIA_RECHECK.attempts ? 'resubmit' : 'fail';
}

/** The state of an image after WeChat's asynchronous media check answers ('review' waits for a person: rejected). */
export function mediaStateOf(suggest: string): 'pass' | 'rejected' {
  return suggest === 'pass' ? 'pass' : 'rejected';
}
