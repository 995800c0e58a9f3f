/**
 * Files people upload to cloud storage, judged as they are stored, never as the client declared them: what a file's
 * first bytes say it is. Shared by the showcase's images (D10) and the development pipeline's evidence (S3).
 */

/** How many first bytes of a stored file tell its format. */
export const FILE_HEAD_BYTES = 16;

/** The formats Lingyan recognises from a file's first bytes (a .docx or .xlsx is a ZIP container). */
export type SniffedType = 'image/jpeg' | 'image/png' | 'application/pdf' | 'application/zip';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

const startsWith = (head: Uint8Array, sig: readonly number[]) =>
  head.length >= sig.length && sig.every((b, i) => head[i] === b);

/** The format a file's first bytes say it is (JPEG: 0xFF 0xD8 0xFF; PNG, PDF and ZIP by their signatures), or null. */
export function fileTypeOfBytes(head: Uint8Array): SniffedType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, PDF)) return 'application/pdf';
  if (startsWith(head, ZIP)) return 'application/zip';
  return null;
}

/** The path part of a cloud fileID (`cloud://<env>.<bucket>/<cloudPath>`), or null when it is not one. */
export function cloudPathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return m ? m[1] : null;
}
