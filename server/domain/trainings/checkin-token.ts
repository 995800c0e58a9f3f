/**
 * The training sessions' side of the rotating check-in token (server/domain/checkin/token.ts, which also serves the
 * vote meetings): claims name the program, the session, the purpose (check-in or check-out) and the slot.
 */
import type { CheckinPurpose } from '../../../typings/vocabulary';
import { signCheckin, verifyCheckin } from '../checkin/token';

export { CHECKIN_GRACE_SLOTS, CHECKIN_SLOT_MS, checkinSlot, msUntilNextSlot } from '../checkin/token';

export interface TokenClaims {
  programId: string;
  sessionId: string;
  purpose: CheckinPurpose;
  slot: number;
}

/** `<program>.<session>.<in|out>.<slot>.<mac>`. */
export function signCheckinToken(secret: string, claims: TokenClaims): string {
  const { slot, ...ids } = claims;
  return signCheckin(secret, { subject: { kind: 'training', ...ids }, slot });
}

export type TokenVerdict =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'invalid' | 'expired' | 'other_session' };

/**
 * Checks a scanned token at `now`: its signature (constant time), its slot (this one or within the grace), and —
 * when the scanner says which session they are at — that it is that session's. A meeting's code is no training code.
 */
export function verifyCheckinToken(
  secret: string,
  token: string,
  now: Date,
  expect: { sessionId?: string } = {},
): TokenVerdict {
  const v = verifyCheckin(secret, token, now, { kind: 'training', ...expect });
  if (!v.ok)
    return {
      ok: false,
      reason: v.reason === 'other_subject' ? 'other_session' : v.reason === 'other_kind' ? 'invalid' : v.reason,
    };
  const s = v.claims.subject;
  if (s.kind !== 'training') return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    claims: { programId: s.programId, sessionId: s.sessionId, purpose: s.purpose, slot: v.claims.slot },
  };
}
