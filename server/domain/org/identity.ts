/**
 * Who is who: the rules of real-name binding that keep one student's identity from being taken by another.
 * These are product rules (no party or League regulation governs WeChat accounts): a claim is a name, a student
 * number and a college, which classmates know; a second factor the school hands out is what only the student has.
 * Plain functions: digests are computed by the caller (they need the server's secret), times are passed in.
 */

/** A binding code an officer issues is good for this many days. */
export const BINDING_CODE_TTL_DAYS = 7;

/** Wrong second factors for one roster person before entry is locked (an officer's new code unlocks it). */
export const SECOND_FACTOR_MAX_FAILURES = 5;

/** What the school distributed for one roster person. Only digests are stored, never the code or the digits. */
export interface SecondFactorRecord {
  /** The current one-time code: its digest, when it expires, and the claim that used it (single use). */
  code: { digest: string; issuedAt: string; expiresAt: string; usedBy: string | null } | null;
  /** Keyed digest of the last digits of the ID number imported with the roster. */
  idTail: { digest: string; length: number } | null;
  /** Wrong attempts since the last code was issued. */
  failures: number;
}

/** Whether claims for this person must carry a second factor: once the school distributed one, always. */
export function secondFactorRequired(factor: SecondFactorRecord | null): boolean {
  return !!factor && (factor.code !== null || factor.idTail !== null);
}

export type SecondFactorOutcome =
  | { ok: true; via: 'code' | 'id' }
  | { ok: false; reason: 'SECOND_FACTOR_REQUIRED' | 'SECOND_FACTOR_INVALID' | 'SECOND_FACTOR_LOCKED' };

/**
 * Checks a claim's second factor. `given` holds the caller's digests of what the applicant typed (null when they
 * typed nothing): as a binding code, and as ID digits. A used or expired code no longer matches; after
 * SECOND_FACTOR_MAX_FAILURES wrong attempts nothing matches until an officer issues a new code.
 */
export function checkSecondFactor(
  factor: SecondFactorRecord,
  given: { codeDigest: string; idDigest: string } | null,
  nowIso: string,
): SecondFactorOutcome {
  if (factor.failures >= SECOND_FACTOR_MAX_FAILURES) return { ok: false, reason: 'SECOND_FACTOR_LOCKED' };
  if (!given) return { ok: false, reason: 'SECOND_FACTOR_REQUIRED' };
  const code = factor.code;
  if (code && code.usedBy === null && Date.parse(code.expiresAt) > Date.parse(nowIso)) {
    if (code.digest === given.codeDigest) return { ok: true, via: 'code' };
  }
  if (factor.idTail && factor.idTail.digest === given.idDigest) return { ok: true, via: 'id' };
  return { ok: false, reason: 'SECOND_FACTOR_INVALID' };
}

/** Whether this wrong attempt locks entry (the caller records the failure either way). */
export function lockedAfterFailure(failuresBefore: number): boolean {
  return failuresBefore + 1 >= SECOND_FACTOR_MAX_FAILURES;
}

/**
 * Competing claims: two or more pending claims for the same student number mean at least one applicant is not who
 * they say. An officer approves one only by naming it (`confirmed` equal to the claim approved) after seeing the
 * others; without competitors no confirmation is asked.
 */
export function competingApprovalConfirmed(
  bindingId: string,
  competingIds: readonly string[],
  confirmed: string | undefined,
): boolean {
  return competingIds.length === 0 || confirmed === bindingId;
}
