import { CHECKIN_SLOT_MS, checkinSlot, signCheckinToken, verifyCheckinToken } from '../../../server/domain/trainings';

const SECRET = 'test-checkin-secret-0123456789';
const t0 = new Date('2026-05-01T09:00:05+08:00');
const claims = { programId: 'tp_1', sessionId: 'ts_1', purpose: 'in' as const, slot: checkinSlot(t0) };
const token = signCheckinToken(SECRET, claims);
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('the rotating check-in token', () => {
  it('is accepted in its own slot', () => {
    expect(verifyCheckinToken(SECRET, token, t0)).toEqual({ ok: true, claims });
  });
  it('is accepted in the next slot (grace of one) and expired in the one after', () => {
    expect(verifyCheckinToken(SECRET, token, later(CHECKIN_SLOT_MS)).ok).toBe(true);
    expect(verifyCheckinToken(SECRET, token, later(2 * CHECKIN_SLOT_MS))).toEqual({ ok: false, reason: 'expired' });
  });
  it('refuses a token from a future slot', () => {
    const future = signCheckinToken(SECRET, { ...claims, slot: claims.slot + 1 });
    expect(verifyCheckinToken(SECRET, future, t0)).toEqual({ ok: false, reason: 'invalid' });
  });
  it('refuses a token signed with another secret, or with any field changed', () => {
    expect(verifyCheckinToken(SECRET, signCheckinToken('another-secret-0123456789', claims), t0).ok).toBe(false);
    const parts = token.split('.');
    for (const [i, v] of [
      [0, 'tp_2'],
      [1, 'ts_2'],
      [2, 'out'],
      [3, String(claims.slot - 1)],
    ] as const) {
      const changed = [...parts];
      changed[i] = v;
      expect(verifyCheckinToken(SECRET, changed.join('.'), t0)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
  it('refuses garbage', () => {
    for (const g of ['', 'x', 'a.b.c.d', 'a.b.in.12.zz.extra', `tp_1.ts_1.in.abc.${token.split('.')[4]}`]) {
      expect(verifyCheckinToken(SECRET, g, t0).ok).toBe(false);
    }
  });
  it('says when a genuine token is for another session than the one the scanner is at', () => {
    expect(verifyCheckinToken(SECRET, token, t0, { sessionId: 'ts_9' })).toEqual({
      ok: false,
      reason: 'other_session',
    });
    expect(verifyCheckinToken(SECRET, token, t0, { sessionId: 'ts_1' }).ok).toBe(true);
  });
  it('binds the purpose: a check-in code is not a check-out code', () => {
    const out = signCheckinToken(SECRET, { ...claims, purpose: 'out' });
    expect(out).not.toBe(token);
    expect(verifyCheckinToken(SECRET, out, t0)).toMatchObject({ ok: true, claims: { purpose: 'out' } });
  });
});
