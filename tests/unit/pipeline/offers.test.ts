/**
 * The predicates the record actions refuse with and the case page, the filing list and the to-do list offer from:
 * the oath (A18) and the acknowledgement of a filing (A4; A7 under 2014).
 */
import { filingAwaited, oathRecordable, versionsFilingCandidates } from '../../../server/domain/pipeline';

describe('A18: the oath is recorded once, after approval, before the branch meeting on conversion decides', () => {
  const probationary = { stage: 'probationary_member', oathOn: null, awaiting: null };

  it('a probationary member without an oath may have it recorded', () => {
    expect(oathRecordable(probationary)).toBeNull();
  });

  it('a 发展对象 may not yet; a recorded oath is not recorded twice', () => {
    expect(oathRecordable({ ...probationary, stage: 'development_candidate' })?.code).toBe('STEP_OUT_OF_ORDER');
    expect(oathRecordable({ ...probationary, oathOn: '2026-11-01' })?.code).toBe('OATH_RECORDED');
  });

  it('once the branch meeting decided conversion or cancellation, the oath is no longer entered', () => {
    for (const step of ['approve_conversion', 'approve_cancellation']) {
      expect(oathRecordable({ ...probationary, awaiting: { step } })?.code).toBe('STEP_OUT_OF_ORDER');
    }
    expect(oathRecordable({ ...probationary, awaiting: { step: 'approve_extension' } })).toBeNull();
  });
});

describe('A4/A7: a branch decision waits for the committee’s acknowledgement of its filing', () => {
  const candidate = {
    ruleVersion: '2014' as const,
    stage: 'development_candidate',
    activistSince: '2025-01-22',
    candidateSince: '2026-02-01',
  };

  it('both decisions of a 2014 case wait until acknowledged', () => {
    expect(filingAwaited(candidate, 'activist')).toBeNull();
    expect(filingAwaited(candidate, 'candidate')).toBeNull();
    expect(filingAwaited({ ...candidate, filed: { activist: '2025-02-01' } }, 'activist')?.code).toBe(
      'FILING_ACKNOWLEDGED',
    );
  });

  it('a 2026 发展对象 is agreed beforehand, not filed', () => {
    expect(filingAwaited({ ...candidate, ruleVersion: '2026.05' }, 'candidate')?.code).toBe('FILING_NOT_REQUIRED');
    expect(versionsFilingCandidates()).toEqual(['2014']);
  });

  it('a decision not taken, or a cancelled case, waits for nothing', () => {
    expect(filingAwaited({ ...candidate, candidateSince: null }, 'candidate')?.code).toBe('STEP_OUT_OF_ORDER');
    expect(filingAwaited({ ...candidate, stage: 'cancelled' }, 'activist')?.code).toBe('STEP_OUT_OF_ORDER');
  });
});
