/** Identity rules: second factors and competing claims (server/domain/org/identity.ts). */
import {
  checkSecondFactor,
  competingApprovalConfirmed,
  lockedAfterFailure,
  SECOND_FACTOR_MAX_FAILURES,
  type SecondFactorRecord,
  secondFactorRequired,
} from '../../../server/domain/org/identity';

const NOW = '2026-11-20T10:00:00.000+08:00';
const code = (over: Partial<NonNullable<SecondFactorRecord['code']>> = {}): SecondFactorRecord['code'] => ({
  digest: 'c1',
  issuedAt: '2026-11-19T10:00:00.000+08:00',
  expiresAt: '2026-11-26T10:00:00.000+08:00',
  usedBy: null,
  ...over,
});
const factor = (over: Partial<SecondFactorRecord> = {}): SecondFactorRecord => ({
  code: code(),
  idTail: null,
  failures: 0,
  ...over,
});

describe('second factor', () => {
  it('is asked once the school has issued a code or imported ID digits, and not before', () => {
    expect(secondFactorRequired(null)).toBe(false);
    expect(secondFactorRequired(factor({ code: null }))).toBe(false);
    expect(secondFactorRequired(factor())).toBe(true);
    expect(secondFactorRequired(factor({ code: null, idTail: { digest: 'i1', length: 4 } }))).toBe(true);
  });

  it('accepts the issued code once, before it expires', () => {
    expect(checkSecondFactor(factor(), { codeDigest: 'c1', idDigest: '' }, NOW)).toEqual({ ok: true, via: 'code' });
    expect(
      checkSecondFactor(factor({ code: code({ usedBy: 'b_x' }) }), { codeDigest: 'c1', idDigest: '' }, NOW),
    ).toEqual({ ok: false, reason: 'SECOND_FACTOR_INVALID' });
    expect(
      checkSecondFactor(factor({ code: code({ expiresAt: NOW }) }), { codeDigest: 'c1', idDigest: '' }, NOW),
    ).toEqual({ ok: false, reason: 'SECOND_FACTOR_INVALID' });
  });

  it('accepts the ID digits imported with the roster', () => {
    const f = factor({ code: null, idTail: { digest: 'i1', length: 4 } });
    expect(checkSecondFactor(f, { codeDigest: 'x', idDigest: 'i1' }, NOW)).toEqual({ ok: true, via: 'id' });
    expect(checkSecondFactor(f, { codeDigest: 'x', idDigest: 'i2' }, NOW).ok).toBe(false);
  });

  it('asks for it when the claim carries none, and locks after the last allowed wrong attempt', () => {
    expect(checkSecondFactor(factor(), null, NOW)).toEqual({ ok: false, reason: 'SECOND_FACTOR_REQUIRED' });
    expect(lockedAfterFailure(SECOND_FACTOR_MAX_FAILURES - 2)).toBe(false);
    expect(lockedAfterFailure(SECOND_FACTOR_MAX_FAILURES - 1)).toBe(true);
    expect(
      checkSecondFactor(factor({ failures: SECOND_FACTOR_MAX_FAILURES }), { codeDigest: 'c1', idDigest: '' }, NOW),
    ).toEqual({ ok: false, reason: 'SECOND_FACTOR_LOCKED' });
  });
});

describe('competing claims', () => {
  it('approves a sole claim without confirmation', () => {
    expect(competingApprovalConfirmed('b1', [], undefined)).toBe(true);
  });

  it('approves one of several only when the officer names that very claim', () => {
    expect(competingApprovalConfirmed('b1', ['b2'], undefined)).toBe(false);
    expect(competingApprovalConfirmed('b1', ['b2'], 'b2')).toBe(false);
    expect(competingApprovalConfirmed('b1', ['b2'], 'b1')).toBe(true);
  });
});
