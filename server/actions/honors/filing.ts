/**
 * What the scheduler files for the showcase (it imports this, never an action): media checks, filed with a post and
 * resubmitted or given up by the recheck job (server/jobs/media.ts).
 */
import { MEDIA_RECHECK } from '../../domain/honors';
import type { MediaCheckDoc } from './docs';

/** A filed media check: waiting for WeChat's push until `MEDIA_RECHECK.afterMs` after its submission (D10). */
export function newMediaCheck(
  id: string,
  postId: string,
  index: number,
  fileID: string,
  openid: string,
  attempt: number,
  submittedAt: number,
  state: MediaCheckDoc['state'],
): MediaCheckDoc {
  return {
    _id: id,
    postId,
    index,
    fileID,
    openid,
    attempt,
    submittedAt,
    dueAt: submittedAt + MEDIA_RECHECK.afterMs,
    state,
  };
}
