/**
 * The other ways a program runs, through the api: sign-up with review, invitation lists, hours measured between
 * check-in and check-out, offline exam scores, 团课 towards B6, a branch secretary's 56 学时 (D7), and a backbone's
 * training record as part of their file.
 */
import type { CreateOptionsView, HoursView, Page, ProgramCardView, TrainingRecordView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addSession, addTrainees, createProgram, sh, snapshot, tokenFor } from './fixtures';

let emu: TestEmulator;
const OFFICER = 'sport_officer';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-09-01 09:00'));
});
afterAll(() => emu.close());

describe('sign-up with review', () => {
  it('holds a sign-up for the organiser, who admits it to a seat', async () => {
    const programId = await createProgram(emu, OFFICER, { admission: 'review', capacity: 1, level: 'backbone' });
    expect(expectOk(await emu.as('sport_league1', 'trainings.signUp', { programId }))).toMatchObject({
      state: 'pending',
    });
    expect(
      expectOk(await emu.as(OFFICER, 'trainings.review', { programId, personId: 'p_2023010108', approve: true })),
    ).toEqual({ state: 'enrolled' });
    const before = await snapshot(emu);
    expect(
      errorCode(await emu.as(OFFICER, 'trainings.review', { programId, personId: 'p_2023010108', approve: true })),
    ).toBe('ENROLMENT_NOT_PENDING');
    expect(await snapshot(emu)).toBe(before);
  });
});

describe('invitation lists', () => {
  it('shows an invitation-only program to those invited only', async () => {
    const programId = await createProgram(emu, OFFICER, {
      title: '支部书记轮训（定向）',
      level: 'secretary_rotation',
      admission: 'invite',
      inviteeIds: ['p_2022010101'],
    });
    const listed = async (who: string) =>
      expectOk(await emu.as<Page<ProgramCardView>>(who, 'trainings.listOpen', {})).items.some(
        (p) => p.id === programId,
      );
    expect(await listed('sport_pb_sec')).toBe(true);
    expect(await listed('sport_full1')).toBe(false);
    expect(errorCode(await emu.as('sport_full1', 'trainings.get', { programId }))).toBe('OUT_OF_SCOPE');
  });
});

describe('hours measured between check-in and check-out', () => {
  it('gives 2 学时 for 95 minutes of a 3-学时 session, and nothing without a check-out', async () => {
    const [a, b] = await addTrainees(emu, 2, 'TM', 'full_member');
    const programId = await createProgram(emu, OFFICER, {
      level: 'party_member',
      hoursMode: 'measured',
      title: '党员冬训',
    });
    const sessionId = await addSession(emu, OFFICER, programId, '2026-09-10 14:00', '2026-09-10 17:00', 3);
    for (const x of [a, b]) expectOk(await emu.as(x.who, 'trainings.signUp', { programId }));
    emu.host.setClock(sh('2026-09-10 14:00'));
    const token = await tokenFor(emu, OFFICER, sessionId);
    for (const x of [a, b]) expectOk(await emu.as(x.who, 'trainings.checkIn', { token }));
    emu.host.setClock(sh('2026-09-10 15:35'));
    expectOk(await emu.as(a.who, 'trainings.checkIn', { token: await tokenFor(emu, OFFICER, sessionId, 'out') }));
    const hours = async (who: string) =>
      expectOk(await emu.as<HoursView>(who, 'trainings.myHours', {})).lines.find((l) => l.id === 'member_yearly');
    expect(await hours(a.who)).toMatchObject({ earned: 2, required: 32, shortfall: 30 });
    expect(await hours(b.who)).toMatchObject({ earned: 0, shortfall: 32 });
  });
});

describe('offline exam scores', () => {
  it('records scores against the pass mark, audited, and refuses a score above the total', async () => {
    emu.host.setClock(sh('2026-09-11 09:00'));
    const [a, b] = await addTrainees(emu, 2, 'TO', 'development_candidate');
    const programId = await createProgram(emu, OFFICER, { title: '发展对象培训（线下考试）' });
    for (const x of [a, b]) expectOk(await emu.as(x.who, 'trainings.signUp', { programId }));
    expectOk(
      await emu.as(OFFICER, 'trainings.setExam', {
        programId,
        passMark: 60,
        offline: true,
        offlineTotal: 100,
        deadline: sh('2026-09-20 18:00'),
      }),
    );
    const before = await snapshot(emu);
    const over = { programId, scores: [{ personId: a.id, score: 101 }] };
    expect(errorCode(await emu.as(OFFICER, 'trainings.recordScores', over))).toBe('BAD_INPUT');
    expect(errorCode(await emu.as(a.who, 'trainings.submitExam', { programId, answers: [] }))).toBe('EXAM_NOT_SET');
    expect(await snapshot(emu)).toBe(before);
    const audits = await emu.server.db.collection('audit').count();
    const scores = {
      programId,
      scores: [
        { personId: a.id, score: 88 },
        { personId: b.id, score: 59 },
      ],
    };
    expect(expectOk(await emu.as(OFFICER, 'trainings.recordScores', scores))).toEqual({ recorded: 2 });
    expect(await emu.server.db.collection('audit').count()).toBe(audits + 2);
    const record = expectOk(await emu.as<TrainingRecordView>(b.who, 'trainings.record', { personId: b.id }));
    expect(record.exams).toEqual([
      { programId, title: '发展对象培训（线下考试）', score: 59, total: 100, passed: false },
    ]);
  });
});

describe('团课 towards B6', () => {
  it('gives a student on a 团课 the 8-学时 requirement and counts the class', async () => {
    emu.host.setClock(sh('2026-09-12 09:00'));
    const programId = await createProgram(emu, OFFICER, { title: '入团积极分子团课', level: 'league_class' });
    const sessionId = await addSession(emu, OFFICER, programId, '2026-09-12 10:00', '2026-09-12 12:00', 2);
    expect(expectOk(await emu.as<HoursView>('sport_masses', 'trainings.myHours', {})).lines).toEqual([]);
    expectOk(await emu.as('sport_masses', 'trainings.signUp', { programId }));
    emu.host.setClock(sh('2026-09-12 10:00'));
    expectOk(await emu.as('sport_masses', 'trainings.checkIn', { token: await tokenFor(emu, OFFICER, sessionId) }));
    const [line] = expectOk(await emu.as<HoursView>('sport_masses', 'trainings.myHours', {})).lines;
    expect(line).toMatchObject({ id: 'league_class', rule: 'B6', required: 8, earned: 2, shortfall: 6, met: false });
  });
});

describe('a branch secretary’s yearly hours (D7)', () => {
  it('holds a party branch secretary to 56 学时, not 32', async () => {
    const [line] = expectOk(await emu.as<HoursView>('sport_pb_sec', 'trainings.myHours', {})).lines;
    expect(line).toMatchObject({ id: 'officer_yearly', rule: 'D7', required: 56, yearly: true });
  });
});

describe('a backbone’s training record', () => {
  const BACKBONE = 'p_2023010105'; // 谢天宇, backbone of 篮球协会, in 体育学院学生党支部

  it('is visible to them, their branch secretary and their association’s advisor', async () => {
    for (const who of ['bball_backbone', 'sport_pb_sec', 'advisor_bball']) {
      const r = expectOk(await emu.as<TrainingRecordView>(who, 'trainings.record', { personId: BACKBONE }));
      expect(r).toMatchObject({ personId: BACKBONE, name: '谢天宇', attendance: { present: 0, absent: 0 } });
    }
  });

  it('is not visible to a secretary of another branch or another association’s advisor: OUT_OF_SCOPE', async () => {
    for (const who of ['info_pb_sec', 'advisor_taiji', 'sport_full1']) {
      expect(errorCode(await emu.as(who, 'trainings.record', { personId: BACKBONE }))).toBe('OUT_OF_SCOPE');
    }
  });
});

describe('the create form’s options', () => {
  it('offers a college officer the college and the units below it, with the levels and categories', async () => {
    const o = expectOk(await emu.as<CreateOptionsView>(OFFICER, 'trainings.createOptions', {}));
    const units = o.units.map((u) => u.value);
    expect(units).toEqual(expect.arrayContaining(['u_sport', 'u_sport_pb', 'u_as_bball_tpb']));
    expect(units).not.toContain('u_info');
    expect(o.levels.map((l) => l.label)).toContain('支部书记轮训');
    expect(o.categories.map((c) => c.label)).toEqual([
      '思想素质',
      '政治觉悟',
      '文体',
      '志愿公益',
      '创新创业',
      '实践实训',
      '技能',
    ]);
  });
});
