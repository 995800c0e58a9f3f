/**
 * The rotating check-in token (a product decision): the organiser's screen shows a code that changes every slot.
 * It is an HMAC-SHA256, keyed with a secret that never leaves the server, over the program, the session, the purpose
 * (check-in or check-out) and the time slot. A token is accepted in its own slot and the one after it (the grace for a
 * scan that started just before the code changed), so a screenshot forwarded out of the room stops working within
 * two slots. The comparison is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckinPurpose } from '../../../typings/vocabulary';

/** Length of one slot, in milliseconds. */
export const CHECKIN_SLOT_MS = 10_000;
/** Previous slots still accepted. */
export const CHECKIN_GRACE_SLOTS = 1;

export function checkinSlot(now: Date): number {
  return Math.floor(now.getTime() / CHECKIN_SLOT_MS);
}

export interface TokenClaims {
  programId: string;
  sessionId: string;
  purpose: CheckinPurpose;
  slot: number;
}

function mac(secret: string, c: TokenClaims): string {
  return createHmac('sha256', secret)
    .update(`lingyan-checkin\n${c.programId}\n${c.sessionId}\n${c.purpose}\n${c.slot}`)
    .digest('base64url');
}

/** `<program>.<session>.<in|out>.<slot>.<mac>`: ids are [A-Za-z0-9_-], so '.' separates unambiguously. */
export function signCheckinToken(secret: string, claims: TokenClaims): string {
  return `${claims.programId}.${claims.sessionId}.${claims.purpose}.${claims.slot}.${mac(secret, claims)}`;
}

export type TokenVerdict =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'invalid' | 'expired' | 'other_session' };

/**
 * Checks a scanned token at `now`: its signature (constant time), its slot (this one or within the grace), and —
 * when the scanner says which session they are at — that it is that session's. The purpose must be the one asked.
 */
export function verifyCheckinToken(
  secret: string,
  token: string,
  now: Date,
  expect: { sessionId?: string } = {},
): TokenVerdict {
  const parts = token.split('.');
  if (parts.length !== 5) return { ok: false, reason: 'invalid' };
  const [programId, sessionId, purpose, slotText, given] = parts;
  if ((purpose !== 'in' && purpose !== 'out') || !/^\d{1,15}$/.test(slotText)) return { ok: false, reason: 'invalid' };
  const claims: TokenClaims = { programId, sessionId, purpose, slot: Number(slotText) };
  const want = Buffer.from(mac(secret, claims));
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'invalid' };
  if (expect.sessionId !== undefined && expect.sessionId !== sessionId) return { ok: false, reason: 'other_session' };
  const current = checkinSlot(now);
  if (claims.slot > current) return { ok: false, reason: 'invalid' };
  if (current - claims.slot > CHECKIN_GRACE_SLOTS) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** When the code on the screen should be fetched again (ms after `now`): the start of the next slot. */
export function msUntilNextSlot(now: Date): number {
  return CHECKIN_SLOT_MS - (now.getTime() % CHECKIN_SLOT_MS);
}
