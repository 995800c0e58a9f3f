import {
  assertEditable,
  assertMayCast,
  assertMayCheckIn,
  assertResultsUnsealed,
  freezeRoster,
  ruleSetFor,
} from '../../../server/domain/votes';
import { codeOf, formalMembers } from './fixtures';

const roster = freezeRoster(ruleSetFor('acceptance'), 'party_branch', formalMembers(5));
const fresh = { checkedIn: true, voted: false };

describe('vote states', () => {
  it('refuses check-in before the vote opens and after it closes', () => {
    expect(codeOf(() => assertMayCheckIn('draft', roster, 'f01', false))).toBe('VOTE_NOT_OPEN');
    expect(codeOf(() => assertMayCheckIn('closed', roster, 'f01', false))).toBe('VOTE_CLOSED');
  });

  it('refuses check-in from someone not on the roster, and a second check-in', () => {
    expect(codeOf(() => assertMayCheckIn('open', roster, 'zz', false))).toBe('NOT_ON_ROSTER');
    expect(codeOf(() => assertMayCheckIn('open', roster, 'f01', true))).toBe('ALREADY_CHECKED_IN');
  });

  it('lets a checked-in voter cast once', () => {
    expect(() => assertMayCast('open', roster, 'f01', fresh)).not.toThrow();
    expect(codeOf(() => assertMayCast('open', roster, 'f01', { checkedIn: true, voted: true }))).toBe('ALREADY_VOTED');
  });

  it('refuses a ballot from a voter who has not checked in (no proxy voting)', () => {
    expect(codeOf(() => assertMayCast('open', roster, 'f01', { checkedIn: false, voted: false }))).toBe(
      'NOT_CHECKED_IN',
    );
  });

  it('refuses a ballot after the vote closed', () => {
    expect(codeOf(() => assertMayCast('closed', roster, 'f01', fresh))).toBe('VOTE_CLOSED');
  });

  it('keeps results sealed until the vote closes', () => {
    expect(codeOf(() => assertResultsUnsealed('open'))).toBe('RESULTS_SEALED');
    expect(() => assertResultsUnsealed('closed')).not.toThrow();
  });

  it('allows edits only in draft', () => {
    expect(() => assertEditable('draft')).not.toThrow();
    expect(codeOf(() => assertEditable('open'))).toBe('VOTE_ALREADY_OPEN');
    expect(codeOf(() => assertEditable('closed'))).toBe('VOTE_CLOSED');
  });
});
