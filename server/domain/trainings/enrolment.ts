/** Enrolment: capacity, the waitlist and its promotion in order, and who may sign up how. */
import type { AdmissionMode } from '../../../typings/vocabulary';
import { DomainError } from '../errors';

export interface Seats {
  capacity: number;
  /** How many may wait beyond capacity (0: no waitlist). */
  waitlistLimit: number;
  enrolled: number;
  /** Person ids waiting, first come first. */
  waitlist: readonly string[];
}

export function remainingCapacity(s: Pick<Seats, 'capacity' | 'enrolled'>): number {
  return Math.max(0, s.capacity - s.enrolled);
}

/** 1-based place on the waitlist, or null when not on it. */
export function waitlistPosition(waitlist: readonly string[], personId: string): number | null {
  const i = waitlist.indexOf(personId);
  return i < 0 ? null : i + 1;
}

export type SignUpOutcome = 'enrolled' | 'waitlisted' | 'pending';

/**
 * Where a sign-up lands: under review when the program reviews sign-ups; otherwise a seat while any is left, then the
 * waitlist while it has room; beyond both, PROGRAM_FULL. An invitation-only program admits only those invited.
 */
export function signUpOutcome(admission: AdmissionMode, invited: boolean, seats: Seats): SignUpOutcome {
  if (admission === 'invite' && !invited) throw new DomainError('NOT_INVITED');
  if (admission === 'review') return 'pending';
  return seatOrWaitlist(seats);
}

/** A seat if one is free, else the waitlist if it has room, else PROGRAM_FULL. */
export function seatOrWaitlist(seats: Seats): 'enrolled' | 'waitlisted' {
  if (remainingCapacity(seats) > 0) return 'enrolled';
  if (seats.waitlist.length < seats.waitlistLimit) return 'waitlisted';
  throw new DomainError('PROGRAM_FULL');
}

/**
 * After a seat frees up (a withdrawal, a larger capacity): the people at the head of the waitlist take the free seats
 * in the order they joined it. Returns who is promoted and the waitlist left.
 */
export function promoteFromWaitlist(seats: Seats): { promoted: string[]; waitlist: string[] } {
  const free = remainingCapacity(seats);
  return { promoted: seats.waitlist.slice(0, free), waitlist: seats.waitlist.slice(free) };
}
