/**
 * A record's attachments (S3): checked against the case's folder and the stored files before anything is written,
 * and handed to those who see the case as short-lived links, one at a time.
 */

import type { ErrorCode } from '../../../typings/errors';
import { FILE_HEAD_BYTES } from '../../domain/files';
import { checkAttachmentPlaces, checkStoredAttachments } from '../../domain/pipeline';
import type { Files } from '../../ports';

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
  const stored = places ? null : Promise.all(fileIDs.map((f) => files.inspect(f, FILE_HEAD_BYTES)));
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
