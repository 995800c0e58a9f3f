/**
 * The rotating check-in token (a product decision), one module for every room where presence is proven: a training
 * session (check-in or check-out) and a vote meeting (presence, which issues the ballot). The organiser's screen
 * shows a code that changes every slot. It is an HMAC-SHA256, keyed with a secret that never leaves the server, over
 * the kind of subject, its ids and the time slot. A token is accepted in its own slot and the one after it (the grace
 * for a scan that started just before the code changed), so a screenshot forwarded out of the room stops working
 * within two slots. The comparison is constant-time. The kind is inside the MAC, so a training code is never a
 * meeting code and the other way round.
 *
 * Encoding (ids are [A-Za-z0-9_-], so '.' separates unambiguously):
 *   training: `<program>.<session>.<in|out>.<slot>.<mac>`
 *   vote:     `vote.<voteId>.<slot>.<mac>`
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

/** What a token admits to: a training session (in or out) or a vote meeting. */
export type CheckinSubject =
  | { kind: 'training'; programId: string; sessionId: string; purpose: CheckinPurpose }
  | { kind: 'vote'; voteId: string };

export type CheckinSubjectKind = CheckinSubject['kind'];

export interface CheckinClaims {
  subject: CheckinSubject;
  slot: number;
}

const VOTE_TAG = 'vote';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The subject's fields as they stand in the token, in order. */
function fieldsOf(s: CheckinSubject): string[] {
  return s.kind === 'training' ? [s.programId, s.sessionId, s.purpose] : [VOTE_TAG, s.voteId];
}

function mac(secret: string, c: CheckinClaims): string {
  return createHmac('sha256', secret)
    .update(['lingyan-checkin', c.subject.kind, ...fieldsOf(c.subject), String(c.slot)].join('\n'))
    .digest('base64url');
}

export function signCheckin(secret: string, claims: CheckinClaims): string {
  return [...fieldsOf(claims.subject), String(claims.slot), mac(secret, claims)].join('.');
}

/** The subject a token's fields name, or null when they name none. */
function parseSubject(fields: string[]): CheckinSubject | null {
  if (!fields.every((f) => ID.test(f))) return null;
  if (fields.length === 3) {
    const [programId, sessionId, purpose] = fields;
    if (purpose !== 'in' && purpose !== 'out') return null;
    return { kind: 'training', programId, sessionId, purpose };
  }
  if (fields.length === 2 && fields[0] === VOTE_TAG) return { kind: 'vote', voteId: fields[1] };
  return null;
}

export type CheckinVerdict =
  | { ok: true; claims: CheckinClaims }
  /** invalid: not a token, forged, or from a future slot; expired: past its grace; other_*: genuine, but not here. */
  | { ok: false; reason: 'invalid' | 'expired' | 'other_kind' | 'other_subject' };

/** What the scanner says they are at: the kind of room, and (when known) which one. */
export type CheckinExpectation =
  | { kind?: undefined }
  | { kind: 'training'; sessionId?: string }
  | { kind: 'vote'; voteId: string };

/**
 * Checks a scanned token at `now`: its form, its signature (constant time), then that it is for the kind of room and
 * the room the scanner is at (other_kind, other_subject), then its slot (this one or within the grace).
 */
export function verifyCheckin(
  secret: string,
  token: string,
  now: Date,
  expect: CheckinExpectation = {},
): CheckinVerdict {
  const parts = token.split('.');
  if (parts.length < 4) return { ok: false, reason: 'invalid' };
  const given = parts[parts.length - 1];
  const slotText = parts[parts.length - 2];
  const subject = parseSubject(parts.slice(0, -2));
  if (!subject || !/^\d{1,15}$/.test(slotText)) return { ok: false, reason: 'invalid' };
  const claims: CheckinClaims = { subject, slot: Number(slotText) };
  const want = Buffer.from(mac(secret, claims));
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'invalid' };
  if (expect.kind !== undefined) {
    if (expect.kind !== subject.kind) return { ok: false, reason: 'other_kind' };
    if (expect.kind === 'training' && subject.kind === 'training') {
      if (expect.sessionId !== undefined && expect.sessionId !== subject.sessionId) {
        return { ok: false, reason: 'other_subject' };
      }
    }
    if (expect.kind === 'vote' && subject.kind === 'vote' && expect.voteId !== subject.voteId) {
      return { ok: false, reason: 'other_subject' };
    }
  }
  const current = checkinSlot(now);
  if (claims.slot > current) return { ok: false, reason: 'invalid' };
  if (current - claims.slot > CHECKIN_GRACE_SLOTS) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** When the code on the screen should be fetched again (ms after `now`): the start of the next slot. */
export function msUntilNextSlot(now: Date): number {
  return CHECKIN_SLOT_MS - (now.getTime() % CHECKIN_SLOT_MS);
}

/**
 * The key of the check-in codes, from the function's environment (LINGYAN_CHECKIN_SECRET), never the database:
 * whoever can read the database still cannot mint a code. Without it no code is issued or accepted (fail closed).
 */
export function checkinSecretFrom(env: Record<string, string | undefined>): string {
  const secret = env.LINGYAN_CHECKIN_SECRET;
  if (!secret || secret.length < 16) throw new Error('LINGYAN_CHECKIN_SECRET is not set (at least 16 characters)');
  return secret;
}
