/**
 * What the step form asks for and which evidence would do: read from the same gates that check the step (the step
 * vote and 公示 gates are named once in the checklist, and the checklist runs them).
 */
import {
  acceptsRecords,
  checklistOf,
  STEP_NOTICE_KINDS,
  STEP_VOTE_KINDS,
  stepEvidenceNeeded,
  stepInOrder,
  stepNotBefore,
  stepVoteGate,
  type VoteFacts,
} from '../../../server/domain/pipeline';
import { PIPELINE_STEPS } from '../../../typings/vocabulary';
import { probationaryFacts } from './facts';

const facts = probationaryFacts;

const vote = (over: Partial<VoteFacts> = {}): VoteFacts => ({
  kind: 'conversion',
  unitId: 'b1',
  closed: true,
  counted: true,
  outcome: 'passed',
  meetingOn: '2026-06-02',
  ...over,
});

describe('the step form asks for what the gates read', () => {
  it('asks a probationary member’s branch for a vote on each of its three steps, and the months only to extend', () => {
    const c = facts();
    const open = PIPELINE_STEPS.filter((s) => stepInOrder(s, c));
    expect(open).toEqual(['extend_probation', 'branch_convert', 'cancel']);
    const needs = open.map((s) => [s, stepEvidenceNeeded(s, c, '2026-06-03')]);
    expect(needs.map(([s, n]) => [s, typeof n === 'object' && n.vote])).toEqual([
      ['extend_probation', 'extension'],
      ['branch_convert', 'conversion'],
      ['cancel', 'cancellation'],
    ]);
    expect(stepEvidenceNeeded('extend_probation', c, '2026-06-03').extensionMonths).toBe(true);
    expect(stepEvidenceNeeded('branch_convert', c, '2026-06-03').extensionMonths).toBe(false);
    expect(stepEvidenceNeeded('branch_convert', c, '2026-06-03').notice?.kind).toBe('conversion');
  });

  it('asks for the higher committee’s agreement and a 公示 to name a 发展对象 under 2026.05, neither under 2014', () => {
    const c = { stage: 'activist' as const, preExamOn: null, acceptedOn: null };
    expect(stepEvidenceNeeded('determine_candidate', facts({ ...c, ruleVersion: '2026.05' }), '2026-06-03')).toEqual({
      vote: 'development_candidate_determination',
      notice: { kind: 'development_candidate', required: true },
      approvalRef: true,
      formIssuedOn: false,
      extensionMonths: false,
    });
    const old = stepEvidenceNeeded('determine_candidate', facts({ ...c, ruleVersion: '2014' }), '2026-06-03');
    expect(old.approvalRef).toBe(false);
    expect(old.notice?.required).toBe(false);
  });

  it('asks for the day the 志愿书 was issued at the branch meeting, and nothing for the committee’s 预审', () => {
    expect(stepEvidenceNeeded('branch_accept', facts({ stage: 'development_candidate' }), '2026-06-03')).toMatchObject({
      vote: 'acceptance',
      formIssuedOn: true,
    });
    expect(stepEvidenceNeeded('pre_examine', facts({ stage: 'development_candidate' }), '2026-06-03')).toEqual({
      vote: null,
      notice: null,
      approvalRef: false,
      formIssuedOn: false,
      extensionMonths: false,
    });
  });
});

describe('from which day a step can be taken', () => {
  it('a year after the activist decision for the 发展对象 one (A7), the end of probation for conversion (A21, A20)', () => {
    expect(stepNotBefore('determine_candidate', probationaryFacts({ stage: 'activist' }))).toBe('2025-02-10');
    expect(stepNotBefore('branch_convert', probationaryFacts())).toBe('2026-06-01');
    expect(stepNotBefore('branch_convert', probationaryFacts({ extensionMonths: 6 }))).toBe('2026-12-01');
    // A day that falls short in a shorter month is the month's last day (a year from 29 February).
    expect(stepNotBefore('determine_candidate', probationaryFacts({ activistSince: '2024-02-29' }))).toBe('2025-02-28');
    for (const step of PIPELINE_STEPS.filter((s) => s !== 'determine_candidate' && s !== 'branch_convert')) {
      expect(stepNotBefore(step, probationaryFacts())).toBeNull();
    }
  });
});

describe('which vote would do is what the step’s gate says', () => {
  it('accepts the branch’s passed vote held after the previous step, and says why another will not do', () => {
    const c = facts();
    expect(stepVoteGate('branch_convert', c, vote()).pass).toBe(true);
    const early = stepVoteGate('branch_convert', c, vote({ meetingOn: '2025-05-20' }));
    expect(early).toMatchObject({ pass: false, rule: 'A21' });
    expect(!early.pass && early.missing).toContain('早于上一环节（2025-06-01）');
    expect(stepVoteGate('branch_convert', c, vote({ unitId: 'b2' }))).toMatchObject({ pass: false });
    expect(stepVoteGate('branch_convert', c, vote({ kind: 'extension' }))).toMatchObject({ pass: false });
    expect(stepVoteGate('branch_convert', c, vote({ outcome: 'failed' }))).toMatchObject({ pass: false });
  });

  it('is the gate the checklist runs when the step is taken', () => {
    const c = facts({ oathOn: '2025-08-01' });
    const early = vote({ meetingOn: '2025-05-20' });
    const item = checklistOf('branch_convert', c, {
      today: '2026-06-03',
      meetingOn: early.meetingOn,
      birthDate: null,
      leagueMember: false,
      vote: early,
    }).find((i) => i.label === '支部大会表决通过');
    expect(item?.outcome).toEqual(stepVoteGate('branch_convert', c, early));
  });

  it('names a vote kind for every voted step and a 公示 kind for every publicised one', () => {
    expect(Object.keys(STEP_VOTE_KINDS).sort()).toEqual(
      [
        'branch_accept',
        'branch_convert',
        'cancel',
        'determine_activist',
        'determine_candidate',
        'extend_probation',
      ].sort(),
    );
    expect(Object.keys(STEP_NOTICE_KINDS).sort()).toEqual(
      ['branch_accept', 'branch_convert', 'determine_activist', 'determine_candidate'].sort(),
    );
  });
});

describe('D6: whose cases a temporary branch may still send records to', () => {
  it('takes records until the case ends as a full member or is cancelled', () => {
    expect(
      (['applicant', 'activist', 'development_candidate', 'probationary_member'] as const).every(acceptsRecords),
    ).toBe(true);
    expect(acceptsRecords('full_member')).toBe(false);
    expect(acceptsRecords('cancelled')).toBe(false);
  });
});
