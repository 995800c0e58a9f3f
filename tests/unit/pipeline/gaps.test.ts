/**
 * The pieces of the pipeline added after its core: 留党察看 recorded by the committee (A8), higher approval of an
 * extension or a cancellation (A20), the oath as a gate of conversion (A18), the filings the committee acknowledges
 * (A4/A7), the candidate leaving within three months (A11) and a late first talk (A3).
 */
import {
  awaitsHigherApproval,
  branchDecisionPending,
  checklistOf,
  disciplineChange,
  disciplineInForce,
  filingAcknowledged,
  nextItem,
  notLeavingWithinThreeMonths,
  oathTaken,
  stageAfter,
  stepInOrder,
  takenByCommittee,
} from '../../../server/domain/pipeline';
import { probationaryFacts } from './facts';

const facts = probationaryFacts;

describe('A8: 留党察看 as the committee records it', () => {
  const d = { since: '2026-03-01', restoredOn: null };
  it('is in force from its first day until the day rights are restored', () => {
    expect(disciplineInForce(d, '2026-02-28')).toBe(false);
    expect(disciplineInForce(d, '2026-03-01')).toBe(true);
    expect(disciplineInForce({ ...d, restoredOn: '2027-03-01' }, '2027-02-28')).toBe(true);
    expect(disciplineInForce({ ...d, restoredOn: '2027-03-01' }, '2027-03-01')).toBe(false);
    expect(disciplineInForce(null, '2026-03-01')).toBe(false);
  });
  it('is recorded only on a member without one in force, and lifted only after it began', () => {
    expect(disciplineChange(null, 'impose', 'full_member', '2026-03-01')).toBeNull();
    expect(disciplineChange(null, 'impose', 'probationary_member', '2026-03-01')).toBeNull();
    expect(disciplineChange(null, 'impose', 'activist', '2026-03-01')).toBe('DISCIPLINE_NOT_MEMBER');
    expect(disciplineChange(d, 'impose', 'full_member', '2026-04-01')).toBe('DISCIPLINE_IN_FORCE');
    expect(disciplineChange(null, 'restore', 'full_member', '2026-04-01')).toBe('DISCIPLINE_NONE');
    expect(disciplineChange(d, 'restore', 'full_member', '2026-03-01')).toBe('DISCIPLINE_NONE');
    expect(disciplineChange(d, 'restore', 'full_member', '2026-03-02')).toBeNull();
    expect(disciplineChange({ ...d, restoredOn: '2026-09-01' }, 'restore', 'full_member', '2026-10-01')).toBe(
      'DISCIPLINE_NONE',
    );
    expect(disciplineChange({ ...d, restoredOn: '2026-09-01' }, 'impose', 'full_member', '2026-10-01')).toBeNull();
  });
});

describe('A20: an extension or a cancellation is final only when the committee approves it', () => {
  it('the branch meeting leaves the case waiting for the committee, which alone takes the approval', () => {
    expect(awaitsHigherApproval('extend_probation')).toBe('approve_extension');
    expect(awaitsHigherApproval('cancel')).toBe('approve_cancellation');
    expect(awaitsHigherApproval('branch_convert')).toBeNull();
    expect(takenByCommittee('approve_extension') && takenByCommittee('approve_cancellation')).toBe(true);
    expect(stageAfter('cancel', 'probationary_member')).toBe('probationary_member');
    expect(stageAfter('approve_cancellation', 'probationary_member')).toBe('cancelled');
  });
  it('nothing else is taken while the decision waits, and approval comes only after it', () => {
    const waiting = facts({ awaiting: { step: 'approve_extension', meetingOn: '2026-06-01', months: 6 } });
    expect(stepInOrder('approve_extension', waiting)).toBe(true);
    expect(stepInOrder('branch_convert', waiting)).toBe(false);
    expect(stepInOrder('cancel', waiting)).toBe(false);
    expect(stepInOrder('approve_extension', facts())).toBe(false);
    expect(stepInOrder('approve_cancellation', waiting)).toBe(false);
    expect(nextItem(waiting)).toEqual({ kind: 'approve_extension', due: null, notBefore: null });
  });
  it('the approval gate names the decision it approves', () => {
    expect(
      branchDecisionPending({ step: 'approve_cancellation', meetingOn: '2026-06-01' }, 'approve_cancellation', '2014'),
    ).toEqual({ pass: true });
    expect(branchDecisionPending(null, 'approve_extension', '2014')).toMatchObject({ pass: false, rule: 'A20' });
  });
});

describe('A18: the oath before the conversion meeting, under both versions', () => {
  it('an oath on the day of the meeting passes, none or one after it fails', () => {
    expect(oathTaken('2026-06-01', '2026-06-01', '2014')).toEqual({ pass: true });
    expect(oathTaken('2026-06-02', '2026-06-01', '2014')).toMatchObject({ pass: false, rule: 'A18' });
    expect(oathTaken(null, '2026-06-01', '2026.05')).toMatchObject({
      pass: false,
      rule: 'A18',
      source: expect.stringContaining('第二十九条'),
    });
  });
  it('is a gate of the conversion meeting', () => {
    const list = checklistOf('branch_convert', facts(), {
      today: '2026-06-02',
      meetingOn: '2026-06-02',
      birthDate: null,
      leagueMember: false,
    });
    expect(list.find((g) => g.rule === 'A18')?.outcome).toMatchObject({ pass: false });
  });
  it('a probationary member who has not sworn waits for the oath first', () => {
    expect(nextItem(facts())).toMatchObject({ kind: 'oath', due: '2026-06-01' });
    expect(nextItem(facts({ oathOn: '2025-06-20' }))).toMatchObject({ kind: 'branch_convert' });
  });
});

describe('A4/A7: filing with the higher committee is not approval', () => {
  it('an unacknowledged filing warns, never refuses', () => {
    expect(filingAcknowledged('activist', undefined, '2014')).toMatchObject({
      pass: true,
      warning: expect.any(String),
    });
    expect(filingAcknowledged('activist', undefined, '2026.05')).toMatchObject({
      pass: true,
      warning: expect.any(String),
    });
    expect(filingAcknowledged('activist', '2026-03-02', '2014')).toEqual({ pass: true });
    expect(filingAcknowledged('candidate', undefined, '2014')).toMatchObject({ warning: expect.any(String) });
  });
  it('under the 2026 revision the 发展对象 is agreed by the committee, not filed', () => {
    expect(filingAcknowledged('candidate', undefined, '2026.05')).toEqual({ pass: true });
  });
});

describe('A11: a candidate leaving within three months is generally not admitted', () => {
  it('warns when the departure is on or before three months from the day, not after', () => {
    expect(notLeavingWithinThreeMonths('2026-09-01', '2026-06-01')).toMatchObject({
      pass: true,
      warning: expect.stringContaining('2026-09-01'),
    });
    expect(notLeavingWithinThreeMonths('2026-09-02', '2026-06-01')).toEqual({ pass: true });
    expect(notLeavingWithinThreeMonths(null, '2026-06-01')).toEqual({ pass: true });
  });
});
