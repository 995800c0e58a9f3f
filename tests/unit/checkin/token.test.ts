import { CHECKIN_SLOT_MS, checkinSlot, signCheckin, verifyCheckin } from '../../../server/domain/checkin/token';

const SECRET = 'test-checkin-secret-0123456789';
const t0 = new Date('2026-11-10T14:00:05+08:00');
const later = (ms: number) => new Date(t0.getTime() + ms);
const vote = { subject: { kind: 'vote' as const, voteId: 'v_1' }, slot: checkinSlot(t0) };
const training = {
  subject: { kind: 'training' as const, programId: 'tp_1', sessionId: 'ts_1', purpose: 'in' as const },
  slot: checkinSlot(t0),
};

describe('one rotating check-in code for meetings and training sessions', () => {
  it('admits to the meeting it was signed for, in its slot and the next, and no longer', () => {
    const token = signCheckin(SECRET, vote);
    expect(verifyCheckin(SECRET, token, t0, { kind: 'vote', voteId: 'v_1' })).toEqual({ ok: true, claims: vote });
    expect(verifyCheckin(SECRET, token, later(CHECKIN_SLOT_MS), { kind: 'vote', voteId: 'v_1' }).ok).toBe(true);
    expect(verifyCheckin(SECRET, token, later(2 * CHECKIN_SLOT_MS), { kind: 'vote', voteId: 'v_1' })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('tells another meeting’s code apart from a forged one', () => {
    const token = signCheckin(SECRET, vote);
    expect(verifyCheckin(SECRET, token, t0, { kind: 'vote', voteId: 'v_2' })).toEqual({
      ok: false,
      reason: 'other_subject',
    });
    const [tag, , slot, mac] = token.split('.');
    expect(verifyCheckin(SECRET, `${tag}.v_2.${slot}.${mac}`, t0, { kind: 'vote', voteId: 'v_2' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyCheckin('another-secret-0123456789', token, t0, { kind: 'vote', voteId: 'v_1' }).ok).toBe(false);
  });

  it('never takes a training code for a meeting code, nor the other way round', () => {
    const t = signCheckin(SECRET, training);
    const v = signCheckin(SECRET, vote);
    expect(verifyCheckin(SECRET, t, t0, { kind: 'vote', voteId: 'v_1' })).toEqual({ ok: false, reason: 'other_kind' });
    expect(verifyCheckin(SECRET, v, t0, { kind: 'training' })).toEqual({ ok: false, reason: 'other_kind' });
    expect(verifyCheckin(SECRET, t, t0, { kind: 'training', sessionId: 'ts_1' })).toEqual({
      ok: true,
      claims: training,
    });
  });

  it('refuses garbage and ids that could not be ours', () => {
    const mac = signCheckin(SECRET, vote).split('.')[3];
    for (const g of [
      '',
      'vote',
      'vote.v_1.1',
      `vote.v_1.abc.${mac}`,
      `vote.v 1.${vote.slot}.${mac}`,
      `x.v_1.${vote.slot}.${mac}`,
    ]) {
      expect(verifyCheckin(SECRET, g, t0).ok).toBe(false);
    }
  });
});
