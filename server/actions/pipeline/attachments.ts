/**
 * A record's attachments (S3): checked against the case's folder and the stored files before anything is written,
 * and handed to those who see the case as short-lived links, one at a time.
 */

import type { DossierFileView } from '../../../typings/actions/dossier';
import type { ErrorCode } from '../../../typings/errors';
import { attachmentName } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { FILE_HEAD_BYTES } from '../../domain/files';
import { checkAttachmentPlaces, checkStoredAttachments } from '../../domain/pipeline';
import type { Files } from '../../ports';
import { assertSees } from './access';
import { RECORDS, type RecordDoc } from './docs';
import { requireCase } from './load';

/**
 * Starts reading what storage holds for each attachment (nothing at all when there are none) and returns the check
 * to await once the caller is known to be in scope: a refusal of the files never speaks before the scope does.
 */
export function attachmentsCheck(files: Files, caseId: string, fileIDs: readonly string[]): () => Promise<void> {
  if (!fileIDs.length) return async () => {};
  const places = (() => {
    try {
      checkAttachmentPlaces(caseId, fileIDs);
      return null;
    } catch (err) {
      return err;
    }
  })();
  const stored = places ? null : files.inspect(fileIDs, FILE_HEAD_BYTES);
  // Held until awaited: a storage failure is reported by the check, not as an unhandled rejection meanwhile.
  stored?.catch(() => undefined);
  return async () => {
    if (places) throw places;
    checkStoredAttachments(fileIDs, (await stored) ?? []);
  };
}

/** Checks the attachments of a record on case `caseId` (for a caller already known to be in scope). */
export async function assertAttachments(files: Files, caseId: string, fileIDs: readonly string[]): Promise<void> {
  await attachmentsCheck(files, caseId, fileIDs)();
}

/** The refusals of a record's attachments, for the `errors` of every action that takes them. */
export const ATTACHMENT_ERRORS = [
  'ATTACHMENT_OUT_OF_PLACE',
  'ATTACHMENT_NOT_FOUND',
  'ATTACHMENT_TYPE_INVALID',
  'ATTACHMENT_TOO_LARGE',
] as const satisfies readonly ErrorCode[];

/** How long an attachment's download link lives: long enough to open it, short enough not to be passed around. */
export const ATTACHMENT_LINK_SECONDS = 600;

/**
 * S3: one attachment, on tap, to whoever sees the case (the same check as the case page): the file must be on a
 * record of this case, so a link is never handed out for a file the case does not hold. Links are fetched one at a
 * time rather than with the case page, which keeps pipeline.get free of storage calls and its links from expiring
 * on an open page.
 */
export const pipelineAttachmentLink = defineAction({
  name: 'pipeline.attachmentLink',
  summary: '发展档案附件的临时下载链接（10 分钟有效）：仅限可查看该发展档案的人，且文件须为该档案某条记录的附件',
  access: { kind: 'member' },
  errors: ['CASE_NOT_FOUND', 'OUT_OF_SCOPE', 'ATTACHMENT_NOT_FOUND'],
  async run({ actor, store, ports, today }, input): Promise<DossierFileView> {
    const [c, held] = await Promise.all([
      requireCase(store, input.caseId),
      store.find<RecordDoc>(
        RECORDS,
        { caseId: input.caseId, attachments: input.fileId },
        { limit: 1, field: { _id: true } },
      ),
    ]);
    assertSees(actor, c, today);
    if (!held.length) throw new DomainError('ATTACHMENT_NOT_FOUND', '该附件不在此发展档案中');
    const url = await ports.files.tempUrl(input.fileId, ATTACHMENT_LINK_SECONDS);
    return { fileID: input.fileId, url, fileName: attachmentName(input.fileId), expiresInS: ATTACHMENT_LINK_SECONDS };
  },
});
