/**
 * 培训 in the demo world (emulator/demo/world.ts, seeded through the real actions): a trainer's own ratings, only as
 * aggregates and only from 3 ratings, and a backbone's training record, visible to them, their branch secretary and
 * their association's guidance officers, to nobody else.
 */
import { WORLD_NOW } from '../../support/world-views';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { snapshot } from './fixtures';

let emu: TestEmulator;
let ids: Record<string, string>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'full', seedNow: WORLD_NOW });
  ids = emu.world!.trainings;
  // Seeding the whole world takes a few seconds, more on a busy machine.
}, 120_000);
afterAll(() => emu?.close());

/** 曹宁: 篮球协会临时党支部's secretary (a backbone of the association's temporary party branch). */
const BACKBONE = 'p_2022010104';

describe('the demo world’s trainings', () => {
  it('holds every state a trainee or an organiser meets', async () => {
    const league = expectOk(await emu.call('league_admin', 'trainings.enrolment', { programId: ids.league }));
    expect(league.remaining).toBe(0);
    expect(league.waitlist.map((r) => r.waitlistPosition)).toEqual([1, 2]);
    const backbone = expectOk(await emu.call('fed_chair', 'trainings.enrolment', { programId: ids.backbone }));
    expect(backbone.pending.length).toBeGreaterThan(0);
    const sheet = expectOk(await emu.call('sport_pb_sec', 'trainings.attendance', { sessionId: ids['members.s1'] }));
    expect(sheet.rows.some((r) => r.handMarked)).toBe(true);
    expect(sheet.rows.some((r) => r.leave === 'approved')).toBe(true);
    expect(sheet.noShows).toBeGreaterThan(0);
    const report = expectOk(await emu.call('party_admin', 'trainings.report', { programId: ids.candidates }));
    expect(report.exam).toMatchObject({ submitted: 2, passed: 1 });
    expect(report.sessions.map((s) => s.rating === null)).toEqual([false, true, true]);
    const met = expectOk(await emu.call('bball_pres', 'trainings.myHours', {}));
    const missed = expectOk(await emu.call('vol_pres', 'trainings.myHours', {}));
    expect(met.lines[0]).toMatchObject({ id: 'candidate_training', met: true });
    expect(missed.lines[0]).toMatchObject({ id: 'candidate_training', met: false, shortfall: 8 });
  });
  it('lets the organiser’s screen show a live session’s code, which a trainee enrolled scans', async () => {
    const { token } = expectOk(
      await emu.call('sport_pb_sec', 'trainings.checkinToken', { sessionId: ids['members.s3'], purpose: 'in' }),
    );
    expect(expectOk(await emu.call('sport_prob2', 'trainings.checkIn', { token }))).toMatchObject({
      sessionId: ids['members.s3'],
      already: false,
    });
  });
});

describe('a trainer’s own ratings', () => {
  it('shows 赵磊 the averages of the sessions he taught, per session and per program', async () => {
    const mine = expectOk(await emu.call('advisor_bball', 'trainings.myRatings', {}));
    expect(mine.trainers.map((t) => t.name)).toEqual(['赵磊']);
    const members = mine.programs.find((p) => p.programId === ids.members)!;
    expect(members.sessions.map((s) => s.sessionId)).toEqual([ids['members.s1'], ids['members.s4']]);
    expect(members.sessions[0]).toMatchObject({
      ratings: 4,
      rating: { n: 4, content: 4.3, delivery: 4.3, usefulness: 4.3, overall: 4.3 },
    });
    expect(members.rating).toEqual(members.sessions[0].rating);
  });

  it('never shows a trainer another trainer’s sessions', async () => {
    const zhao = expectOk(await emu.call('advisor_bball', 'trainings.myRatings', {}));
    const zhou = expectOk(await emu.call('advisor_taiji', 'trainings.myRatings', {}));
    const sessionsOf = (v: typeof zhao) => v.programs.flatMap((p) => p.sessions.map((s) => s.sessionId));
    expect(sessionsOf(zhao)).not.toContain(ids['members.s2']);
    expect(sessionsOf(zhou)).toEqual([ids['members.s2'], ids['members.s3']]);
    expect(zhao.programs.map((p) => p.programId)).not.toContain(ids.candidates);
  });

  it('hides the aggregate of fewer than 3 ratings', async () => {
    const zhou = expectOk(await emu.call('advisor_taiji', 'trainings.myRatings', {}));
    expect(zhou.programs[0]).toMatchObject({ ratings: 2, rating: null });
    expect(zhou.programs[0].sessions[0]).toMatchObject({ ratings: 2, rating: null });
  });

  it('carries no rater and no comment', async () => {
    const text = JSON.stringify(expectOk(await emu.call('advisor_bball', 'trainings.myRatings', {})));
    for (const id of ['p_2022010101', 'p_2022010102', 'p_2022010105']) expect(text).not.toContain(id);
    expect(text).not.toContain('联系支部实际');
  });

  it('is empty for someone who is on no training team', async () => {
    expect(expectOk(await emu.call('sport_league1', 'trainings.myRatings', {}))).toEqual({
      trainers: [],
      programs: [],
      minRatingsShown: 3,
    });
  });
});

describe('a backbone’s training record', () => {
  it('is shown to the backbone themself without naming anyone', async () => {
    const r = expectOk(await emu.call('sport_full2', 'trainings.record', {}));
    expect(r).toMatchObject({ personId: BACKBONE, name: '曹宁', attendance: { present: 2, absent: 0, onLeave: 0 } });
    expect(r.hours.lines.map((l) => [l.id, l.met])).toEqual([['officer_yearly', false]]);
    expect(r.exams).toEqual([
      { programId: ids.members, title: '2026年冬季学生党员集中轮训', score: 100, total: 100, passed: true },
    ]);
  });

  it('is shown to their branch secretary, their association’s advisor and its guidance college’s officer', async () => {
    const own = expectOk(await emu.call('sport_full2', 'trainings.record', {}));
    for (const who of ['sport_pb_sec', 'advisor_bball', 'sport_officer']) {
      expect(expectOk(await emu.call(who, 'trainings.record', { personId: BACKBONE }))).toEqual(own);
    }
  });

  it('is refused to a secretary of another college’s branch, another association’s advisor and a fellow member: OUT_OF_SCOPE, nothing written', async () => {
    const before = await snapshot(emu);
    for (const who of ['info_pb_sec', 'advisor_vol', 'sport_league1']) {
      expect(errorCode(await emu.call(who, 'trainings.record', { personId: BACKBONE }))).toBe('OUT_OF_SCOPE');
    }
    expect(await snapshot(emu)).toBe(before);
  });
});
