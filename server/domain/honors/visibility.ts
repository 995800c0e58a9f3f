/**
 * Who sees an honor where (C9). Verification by number always answers (a hidden honor still verifies); walls
 * show what its holder has not hidden, and a revoked honor leaves the walls.
 */
import { DomainError } from '../errors';

export interface HonorShown {
  recipientKind: 'person' | 'branch' | 'association';
  recipientId: string;
  hidden: boolean;
  revoked: boolean;
}

/** C9: on a public wall: not revoked, and not hidden by its holder (the holder still sees it on their own wall). */
export function honorShownOnWall(h: HonorShown, viewerPersonId: string | null): boolean {
  if (h.revoked) return false;
  if (!h.hidden) return true;
  return h.recipientKind === 'person' && viewerPersonId === h.recipientId;
}

/** C9: only a person's own honor can be hidden or shown again, and only by that person. */
export function assertMayHide(h: HonorShown, personId: string): void {
  if (h.recipientKind !== 'person' || h.recipientId !== personId) throw new DomainError('NOT_YOUR_HONOR');
}

/** C8: a revocation keeps the record and says when; its reason is for officers only. */
export function revocationReasonShown(viewerIsOfficer: boolean): boolean {
  return viewerIsOfficer;
}

/** C8: a revocation needs a reason (after trimming); throws REVOKE_REASON_REQUIRED. An honor is revoked once. */
export function checkRevocation(h: { revoked: boolean }, reason: string): string {
  if (h.revoked) throw new DomainError('HONOR_REVOKED');
  const r = reason.trim();
  if (!r) throw new DomainError('REVOKE_REASON_REQUIRED', undefined, { reason: '请填写撤销理由' });
  return r;
}
