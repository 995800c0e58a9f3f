/**
 * S3 (the supervision ring: every step recorded with its evidence): a record's attachments are files of the case's
 * own folder in cloud storage, each a PDF, a JPG or PNG scan, or the .docx/.xlsx a secretary writes, within the
 * size limit — judged by the stored file itself, not by what the client declared.
 */
import { type ATTACHMENT_EXTENSIONS, PIPELINE_LIMITS, pipelineAttachmentFolder } from '../../../typings/vocabulary';
import { DomainError } from '../errors';
import { cloudPathOf, fileTypeOfBytes, type SniffedType } from '../files';

/** The extensions each stored format may carry (a ZIP container is accepted only as a Word or Excel file). */
const EXTENSIONS: Record<SniffedType, readonly (typeof ATTACHMENT_EXTENSIONS)[number][]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/zip': ['docx', 'xlsx'],
};

const TYPE_HINT = '仅支持 PDF、JPG、PNG、Word（.docx）和 Excel（.xlsx）文件';

/** S3: every attachment lies in the case's own folder, once (ATTACHMENT_OUT_OF_PLACE, BAD_INPUT naming it). */
export function checkAttachmentPlaces(caseId: string, fileIDs: readonly string[]): void {
  const folder = pipelineAttachmentFolder(caseId);
  const seen = new Set<string>();
  fileIDs.forEach((fileID, i) => {
    const field = `attachments.${i}`;
    const path = cloudPathOf(fileID);
    // A '.' or '..' segment (or an empty one) could name another folder under a look of this one.
    const plain = path?.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
    if (!path?.startsWith(folder) || path.length === folder.length || !plain) {
      throw new DomainError('ATTACHMENT_OUT_OF_PLACE', undefined, { [field]: '附件不属于该发展档案，请重新上传' });
    }
    if (seen.has(fileID)) throw new DomainError('BAD_INPUT', undefined, { [field]: '附件重复' });
    seen.add(fileID);
  });
}

/**
 * S3: each attachment as stored: it exists (ATTACHMENT_NOT_FOUND), its bytes are a format its name allows
 * (ATTACHMENT_TYPE_INVALID) and it is within the size limit (ATTACHMENT_TOO_LARGE). `files[i]` is what storage
 * holds under `fileIDs[i]` (its size and first bytes), or null.
 */
export function checkStoredAttachments(
  fileIDs: readonly string[],
  files: readonly ({ size: number; head: Uint8Array } | null)[],
): void {
  fileIDs.forEach((fileID, i) => {
    const field = `attachments.${i}`;
    const f = files[i];
    if (!f) throw new DomainError('ATTACHMENT_NOT_FOUND', undefined, { [field]: '附件未上传成功，请重新上传' });
    const type = fileTypeOfBytes(f.head);
    const name = fileID.toLowerCase();
    if (!type || !EXTENSIONS[type].some((ext) => name.endsWith(`.${ext}`))) {
      throw new DomainError('ATTACHMENT_TYPE_INVALID', undefined, { [field]: TYPE_HINT });
    }
    if (f.size <= 0 || f.size > PIPELINE_LIMITS.attachmentBytes) {
      throw new DomainError('ATTACHMENT_TOO_LARGE', undefined, { [field]: '单个附件不超过 20 MB' });
    }
  });
}
