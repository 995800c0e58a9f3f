import {
  promoteFromWaitlist,
  remainingCapacity,
  signUpOutcome,
  waitlistPosition,
} from '../../../server/domain/trainings';

const seats = (enrolled: number, waitlist: string[] = [], capacity = 2, waitlistLimit = 2) => ({
  capacity,
  waitlistLimit,
  enrolled,
  waitlist,
});

describe('signing up', () => {
  it('takes a seat while one is left, then the waitlist while it has room, then PROGRAM_FULL', () => {
    expect(signUpOutcome('open', false, seats(1))).toBe('enrolled');
    expect(signUpOutcome('open', false, seats(2))).toBe('waitlisted');
    expect(signUpOutcome('open', false, seats(2, ['a']))).toBe('waitlisted');
    expect(() => signUpOutcome('open', false, seats(2, ['a', 'b']))).toThrow(
      expect.objectContaining({ code: 'PROGRAM_FULL' }),
    );
  });
  it('admits only the invited to an invitation-only program', () => {
    expect(() => signUpOutcome('invite', false, seats(0))).toThrow(expect.objectContaining({ code: 'NOT_INVITED' }));
    expect(signUpOutcome('invite', true, seats(0))).toBe('enrolled');
  });
  it('puts a sign-up under review when the program reviews them', () => {
    expect(signUpOutcome('review', false, seats(2, ['a', 'b']))).toBe('pending');
  });
});

describe('the waitlist', () => {
  it('promotes in the order people joined, as many as seats are free', () => {
    expect(promoteFromWaitlist(seats(1, ['a', 'b', 'c']))).toEqual({ promoted: ['a'], waitlist: ['b', 'c'] });
    expect(promoteFromWaitlist(seats(0, ['a', 'b', 'c']))).toEqual({ promoted: ['a', 'b'], waitlist: ['c'] });
    expect(promoteFromWaitlist(seats(2, ['a']))).toEqual({ promoted: [], waitlist: ['a'] });
  });
  it('tells a person their place, 1-based', () => {
    expect(waitlistPosition(['a', 'b'], 'b')).toBe(2);
    expect(waitlistPosition(['a', 'b'], 'z')).toBeNull();
  });
  it('never reports negative capacity', () => {
    expect(remainingCapacity({ capacity: 2, enrolled: 3 })).toBe(0);
  });
});
