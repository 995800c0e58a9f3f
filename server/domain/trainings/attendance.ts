/** Attendance around a session: the check-in window, leave before the session, hand marks, no-shows. */
import { DomainError } from '../errors';

/** The organiser's code is shown from this long before the start until this long after the end. */
export const CHECKIN_WINDOW_MARGIN_MS = 30 * 60_000;

/** The rotating code is issued only around the session (a product decision). */
export function assertCheckinWindow(start: string, end: string, now: Date): void {
  const t = now.getTime();
  if (t < Date.parse(start) - CHECKIN_WINDOW_MARGIN_MS || t > Date.parse(end) + CHECKIN_WINDOW_MARGIN_MS) {
    throw new DomainError('SESSION_NOT_LIVE');
  }
}

/** Leave is asked for before the session starts (a product decision); afterwards it is the organiser's hand mark. */
export function assertLeaveInTime(start: string, now: Date): void {
  if (now.getTime() >= Date.parse(start)) throw new DomainError('LEAVE_TOO_LATE');
}

/** A hand mark changes the record by someone's word, so it always says why (a product decision; audited). */
export function assertMarkReason(reason: string | undefined): string {
  const r = (reason ?? '').trim();
  if (r.length === 0) throw new DomainError('MARK_REASON_REQUIRED');
  return r;
}

/**
 * The no-shows of a session once it has ended: the enrolled who neither checked in nor had leave approved.
 * Before the end nobody is a no-show yet.
 */
export function noShows(
  enrolled: readonly string[],
  present: ReadonlySet<string>,
  onLeave: ReadonlySet<string>,
  sessionEnd: string,
  now: Date,
): string[] {
  if (now.getTime() <= Date.parse(sessionEnd)) return [];
  return enrolled.filter((id) => !present.has(id) && !onLeave.has(id));
}

/** Attendance rate: attendances over (enrolled × sessions held), to one decimal of a percent; null with nothing held. */
export function attendanceRate(attendances: number, enrolled: number, sessionsHeld: number): number | null {
  const expected = enrolled * sessionsHeld;
  if (expected === 0) return null;
  return Math.round((attendances / expected) * 1000) / 10;
}
