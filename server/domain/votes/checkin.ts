/**
 * Attempt limits on the meeting check-in code. The code on the meeting screen is six digits (10^6 values): without a
 * limit a roster member outside the room finds it by trying, and is counted present (F2: a ballot is issued at
 * check-in). A product rule, not a regulation: each member gets a few tries per vote, and the code as a whole gets a
 * cap on wrong entries from everyone, after which code entry stops until the secretary shows a new code (or checks
 * members in by name). The rotating code of the trainings work replaces the fixed one; these limits stay.
 */

/** Wrong codes one member may enter for one vote; the next attempt is refused whatever the code. */
export const CHECK_IN_TRIES_PER_PERSON = 5;

/** Wrong codes from everyone against one code; then code entry is suspended until the code changes. */
export const CHECK_IN_WRONG_CODES_PER_VOTE = 30;

/** The counts kept for one vote: wrong entries per member, and against the code now shown (by its digest). */
export interface CheckInGuard {
  codeDigest: string;
  wrongForCode: number;
  wrongBy: Record<string, number>;
}

export type CheckInGate = 'open' | 'CHECK_IN_LOCKED' | 'CHECK_IN_CODE_EXHAUSTED';

/** Whether this member may enter a code now (before it is compared, so a locked member learns nothing). */
export function checkInCodeGate(guard: CheckInGuard | null, personId: string, codeDigest: string): CheckInGate {
  if (!guard) return 'open';
  if ((guard.wrongBy[personId] ?? 0) >= CHECK_IN_TRIES_PER_PERSON) return 'CHECK_IN_LOCKED';
  if (guard.codeDigest === codeDigest && guard.wrongForCode >= CHECK_IN_WRONG_CODES_PER_VOTE) {
    return 'CHECK_IN_CODE_EXHAUSTED';
  }
  return 'open';
}

/** The counts after one wrong entry by `personId` against the code with `codeDigest` (a new code starts at 0). */
export function afterWrongCode(guard: CheckInGuard | null, personId: string, codeDigest: string): CheckInGuard {
  const sameCode = guard?.codeDigest === codeDigest;
  const wrongBy = { ...(guard?.wrongBy ?? {}) };
  wrongBy[personId] = (wrongBy[personId] ?? 0) + 1;
  return { codeDigest, wrongForCode: (sameCode ? (guard?.wrongForCode ?? 0) : 0) + 1, wrongBy };
}

/** What a wrong entry is answered with: the member's last try locks them; the code's last allowed entry stops it. */
export function wrongCodeAnswer(
  after: CheckInGuard,
  personId: string,
): 'CHECK_IN_CODE_INVALID' | Exclude<CheckInGate, 'open'> {
  if ((after.wrongBy[personId] ?? 0) >= CHECK_IN_TRIES_PER_PERSON) return 'CHECK_IN_LOCKED';
  if (after.wrongForCode >= CHECK_IN_WRONG_CODES_PER_VOTE) return 'CHECK_IN_CODE_EXHAUSTED';
  return 'CHECK_IN_CODE_INVALID';
}
