/**
 * A development-candidate training end to end through the api function: sign-up with a waitlist that promotes in
 * order (and tells the promoted person), the rotating check-in and check-out, a hand mark, leave, the exam scored on
 * the server, ratings shown only as aggregates from 3, the report, and the hours ledger against A10.
 */
import type {
  AttendanceView,
  EnrolmentView,
  ExamView,
  HoursView,
  Page,
  ProgramCardView,
  ProgramView,
  ReportView,
} from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addSession, addTrainees, createProgram, sh, snapshot, type Trainee, tokenFor } from './fixtures';

let emu: TestEmulator;
const OFFICER = 'sport_officer';
let t: Trainee[];
let programId: string;
let trainerId: string;
let sessions: string[];

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-10-08 09:00'));
  t = await addTrainees(emu, 6, 'TL', 'development_candidate');
  trainerId = expectOk(
    await emu.as<{ trainerId: string }>(OFFICER, 'trainings.createTrainer', {
      unitId: 'u_sport',
      name: '王老师',
      kind: 'full_time',
      profile: '党校专职教师',
    }),
  ).trainerId;
  programId = await createProgram(emu, OFFICER, { capacity: 4, waitlistLimit: 1 });
  sessions = [
    await addSession(emu, OFFICER, programId, '2026-10-10 09:00', '2026-10-10 17:00', 8, trainerId),
    await addSession(emu, OFFICER, programId, '2026-10-11 09:00', '2026-10-11 17:00', 8, trainerId),
    await addSession(emu, OFFICER, programId, '2026-10-12 09:00', '2026-10-12 17:00', 8, trainerId),
  ];
});
afterAll(() => emu.close());

describe('enrolment and the waitlist', () => {
  it('lists the program to a student of the college, with its remaining seats', async () => {
    const page = expectOk(await emu.as<Page<ProgramCardView>>(t[0].who, 'trainings.listOpen', {}));
    expect(page.items.find((p) => p.id === programId)).toMatchObject({
      remaining: 4,
      sessions: 3,
      hoursOffered: 24,
      levelLabel: '发展对象培训',
    });
  });

  it('seats the first four and puts the fifth on the waitlist, at place 1', async () => {
    for (const x of t.slice(0, 4)) {
      expect(expectOk(await emu.as(x.who, 'trainings.signUp', { programId }))).toEqual({
        state: 'enrolled',
        waitlistPosition: null,
      });
    }
    expect(expectOk(await emu.as(t[4].who, 'trainings.signUp', { programId }))).toEqual({
      state: 'waitlisted',
      waitlistPosition: 1,
    });
    const view = expectOk(await emu.as<ProgramView>(t[4].who, 'trainings.get', { programId }));
    expect(view).toMatchObject({ remaining: 0, enrolled: 4, me: { state: 'waitlisted', waitlistPosition: 1 } });
    expect(view.me.canSignUp).toBe(false);
  });

  it('promotes the first on the waitlist when someone withdraws, and tells them', async () => {
    const before = emu.host.outbox.length;
    expect(expectOk(await emu.as(t[3].who, 'trainings.withdraw', { programId }))).toEqual({
      state: 'withdrawn',
      promoted: 1,
    });
    const view = expectOk(await emu.as<ProgramView>(t[4].who, 'trainings.get', { programId }));
    expect(view.me).toMatchObject({ state: 'enrolled', waitlistPosition: null });
    const sent = emu.host.outbox.slice(before).filter((r) => r.api === 'subscribeMessage.send');
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).toContain(t[4].openid);
    const list = expectOk(await emu.as<EnrolmentView>(OFFICER, 'trainings.enrolment', { programId }));
    expect(list.enrolled.map((r) => r.personId).sort()).toEqual([t[0].id, t[1].id, t[2].id, t[4].id].sort());
    expect(list.waitlist).toEqual([]);
  });
});

describe('the rotating check-in', () => {
  it('checks a trainee in with the code on the screen; a second scan changes nothing', async () => {
    emu.host.setClock(sh('2026-10-10 08:55'));
    const token = await tokenFor(emu, OFFICER, sessions[0]);
    const first = expectOk(await emu.as<{ already: boolean; at: string }>(t[0].who, 'trainings.checkIn', { token }));
    expect(first).toMatchObject({ sessionId: sessions[0], purpose: 'in', already: false });
    const before = await snapshot(emu);
    const again = expectOk(await emu.as<{ already: boolean; at: string }>(t[0].who, 'trainings.checkIn', { token }));
    expect(again).toMatchObject({ already: true, at: first.at });
    expect(await snapshot(emu)).toBe(before);
  });

  it('accepts the code a slot later (the grace) and refuses it two slots later as expired', async () => {
    emu.host.setClock(sh('2026-10-10 09:00:00'));
    const token = await tokenFor(emu, OFFICER, sessions[0]);
    emu.host.setClock(sh('2026-10-10 09:00:12'));
    expectOk(await emu.as(t[1].who, 'trainings.checkIn', { token }));
    emu.host.setClock(sh('2026-10-10 09:00:25'));
    expect(errorCode(await emu.as(t[2].who, 'trainings.checkIn', { token }))).toBe('CHECKIN_TOKEN_EXPIRED');
  });

  it('records a hand mark with its reason in the audit trail', async () => {
    const audits = await emu.server.db.collection('audit').count();
    expectOk(
      await emu.as(OFFICER, 'trainings.mark', {
        sessionId: sessions[0],
        personId: t[2].id,
        present: true,
        reason: '手机没电，现场核实到场',
      }),
    );
    expect(await emu.server.db.collection('audit').count()).toBe(audits + 1);
    const entry = (await emu.server.db.collection('audit').find({ action: 'trainings.mark' })) as unknown[];
    expect(entry).toHaveLength(1);
  });

  it('approves leave asked before the next session, and shows the no-show of this one after it', async () => {
    emu.host.setClock(sh('2026-10-10 08:00'));
    expectOk(await emu.as(t[4].who, 'trainings.requestLeave', { sessionId: sessions[1], reason: '参加省级比赛' }));
    expect(
      expectOk(
        await emu.as(OFFICER, 'trainings.decideLeave', { sessionId: sessions[1], personId: t[4].id, approve: true }),
      ),
    ).toEqual({ state: 'approved' });
    emu.host.setClock(sh('2026-10-10 18:00'));
    const sheet = expectOk(await emu.as<AttendanceView>(OFFICER, 'trainings.attendance', { sessionId: sessions[0] }));
    expect(sheet).toMatchObject({ enrolled: 4, present: 3, noShows: 1 });
    expect(sheet.rows.find((r) => r.personId === t[2].id)).toMatchObject({ handMarked: true, hours: 8 });
    expect(sheet.rows.find((r) => r.personId === t[4].id)?.state).toBe('absent');
  });

  it('costs three database round trips per check-in and two per check-out', async () => {
    emu.host.setClock(sh('2026-10-11 09:00'));
    const token = await tokenFor(emu, OFFICER, sessions[1]);
    const checkIn = await emu.invoke('trainings.checkIn', { token }, `openid:${t[1].openid}`);
    expect(checkIn.body).toMatchObject({ ok: true, data: { already: false } });
    expect(checkIn.roundTrips).toBe(3);
    emu.host.setClock(sh('2026-10-11 17:00'));
    const out = await tokenFor(emu, OFFICER, sessions[1], 'out');
    const checkOut = await emu.invoke('trainings.checkIn', { token: out }, `openid:${t[1].openid}`);
    expect(checkOut.body).toMatchObject({ ok: true, data: { already: false } });
    expect(checkOut.roundTrips).toBe(2);
    emu.host.setClock(sh('2026-10-10 17:00'));
  });

  it('checks out with the check-out code, once', async () => {
    emu.host.setClock(sh('2026-10-10 17:00'));
    const out = await tokenFor(emu, OFFICER, sessions[0], 'out');
    expect(expectOk(await emu.as(t[0].who, 'trainings.checkIn', { token: out }))).toMatchObject({
      purpose: 'out',
      already: false,
    });
    expect(expectOk(await emu.as(t[0].who, 'trainings.checkIn', { token: out }))).toMatchObject({ already: true });
  });
});

describe('the hours ledger against A10', () => {
  it('shows 8 of 24 学时 after one day, with the shortfall and the session that counts', async () => {
    const hours = expectOk(await emu.as<HoursView>(t[0].who, 'trainings.myHours', {}));
    expect(hours.lines).toHaveLength(1);
    expect(hours.lines[0]).toMatchObject({
      id: 'candidate_training',
      rule: 'A10',
      required: 24,
      requiredDays: 3,
      earned: 8,
      days: 1,
      met: false,
      shortfall: 16,
    });
    expect(hours.lines[0].sessions.map((s) => s.sessionId)).toEqual([sessions[0]]);
  });

  it('is met after the three days', async () => {
    for (const [i, s] of sessions.slice(1).entries()) {
      emu.host.setClock(sh(`2026-10-1${i + 1} 09:00`));
      expectOk(await emu.as(t[0].who, 'trainings.checkIn', { token: await tokenFor(emu, OFFICER, s) }));
    }
    const hours = expectOk(await emu.as<HoursView>(t[0].who, 'trainings.myHours', {}));
    expect(hours.lines[0]).toMatchObject({ earned: 24, days: 3, met: true, shortfall: 0 });
  });
});

describe('the exam', () => {
  const questions = [
    {
      id: 'q1',
      kind: 'single',
      text: '党的最高理想和最终目标是？',
      options: ['实现共产主义', '全面小康'],
      answer: [0],
      points: 50,
    },
    {
      id: 'q2',
      kind: 'multiple',
      text: '入党誓词包括？',
      options: ['拥护党的纲领', '遵守党的章程', '随时退党'],
      answer: [0, 1],
      points: 30,
    },
    {
      id: 'q3',
      kind: 'truefalse',
      text: '发展对象须经过集中培训。',
      options: ['正确', '错误'],
      answer: [0],
      points: 20,
    },
  ];

  beforeAll(async () => {
    emu.host.setClock(sh('2026-10-12 18:00'));
    expectOk(
      await emu.as(OFFICER, 'trainings.setExam', {
        programId,
        questions,
        passMark: 60,
        deadline: sh('2026-10-13 18:00'),
      }),
    );
  });

  it('sends the paper without its key', async () => {
    const exam = expectOk(await emu.as<ExamView>(t[0].who, 'trainings.exam', { programId }));
    expect(exam.questions).toHaveLength(3);
    expect(JSON.stringify(exam)).not.toMatch(/"answer"/);
    expect(exam).toMatchObject({ total: 100, passMark: 60, mine: null });
  });

  it('scores on the server: all right 100, a half-right multiple choice scores nothing', async () => {
    const full = [
      { questionId: 'q1', choice: [0] },
      { questionId: 'q2', choice: [1, 0] },
      { questionId: 'q3', choice: [0] },
    ];
    expect(expectOk(await emu.as(t[0].who, 'trainings.submitExam', { programId, answers: full }))).toEqual({
      score: 100,
      total: 100,
      passed: true,
    });
    const partial = [
      { questionId: 'q1', choice: [0] },
      { questionId: 'q2', choice: [0] },
    ];
    expect(expectOk(await emu.as(t[1].who, 'trainings.submitExam', { programId, answers: partial }))).toMatchObject({
      score: 50,
      passed: false,
    });
    const mine = expectOk(await emu.as<ExamView>(t[0].who, 'trainings.exam', { programId }));
    expect(mine).toMatchObject({ questions: [], mine: { score: 100, passed: true } });
  });
});

describe('ratings and the report', () => {
  it('hides a session’s satisfaction under 3 ratings and shows the averages from 3, never the raters', async () => {
    emu.host.setClock(sh('2026-10-12 19:00'));
    const rate = (x: Trainee, n: number, comment = '') =>
      emu.as(x.who, 'trainings.rate', { sessionId: sessions[0], content: n, delivery: n, usefulness: n, comment });
    expectOk(await rate(t[0], 5, '讲得很透彻'));
    expectOk(await rate(t[1], 4));
    let report = expectOk(await emu.as<ReportView>(OFFICER, 'trainings.report', { programId }));
    expect(report.sessions[0]).toMatchObject({ ratings: 2, rating: null });
    expect(report.comments).toEqual([]);
    expectOk(await rate(t[2], 3));
    report = expectOk(await emu.as<ReportView>(OFFICER, 'trainings.report', { programId }));
    expect(report.sessions[0]).toMatchObject({ ratings: 3, rating: { content: 4, delivery: 4, usefulness: 4 } });
    expect(report.trainers[0]).toMatchObject({ trainerId, name: '王老师', ratings: 3 });
    expect(report.comments).toEqual([{ sessionId: sessions[0], texts: ['讲得很透彻'] }]);
    const totals = await emu.server.db.collection('training_ratings').find({ sessionId: sessions[0] });
    expect(JSON.stringify(totals)).not.toMatch(/p_TL|o_TL/);
  });

  it('reports enrolment, attendance rate, hours delivered and the exam', async () => {
    const report = expectOk(await emu.as<ReportView>(OFFICER, 'trainings.report', { programId }));
    expect(report).toMatchObject({
      enrolled: 4,
      waitlisted: 0,
      sessionsHeld: 3,
      // session 1: t0, t1, t2 (hand); session 2: t0, t1; session 3: t0 → 6 of 4 × 3
      attendanceRate: 50,
      hoursDelivered: 48,
      exam: { submitted: 2, passed: 1, passRate: 50, total: 100 },
    });
    expect(report.exam?.bands.map((b) => b.count)).toEqual([1, 0, 0, 0, 1]);
  });
});

describe('the report as an .xlsx download', () => {
  it('stores the workbook in cloud storage and hands back a temporary link to it', async () => {
    const audits = await emu.server.db.collection('audit').count();
    const out = expectOk(
      await emu.as<{ fileID: string; url: string; fileName: string }>(OFFICER, 'trainings.reportExport', { programId }),
    );
    expect(out.fileID).toMatch(/^cloud:\/\/.+\.xlsx$/);
    expect(out.fileName).toMatch(/^培训报告-发展对象集中培训-\d{14}\.xlsx$/);
    const res = await fetch(encodeURI(out.url));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: the xlsx container
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '场次', '讲师', '成绩分布']);
    expect(wb.getWorksheet('概况')?.getRow(6).values).toEqual([undefined, '出勤率', '50%']);
    expect(await emu.server.db.collection('audit').count()).toBe(audits);
  });

  it('refuses an organiser of another unit: OUT_OF_SCOPE', async () => {
    expect(errorCode(await emu.as('info_officer', 'trainings.reportExport', { programId }))).toBe('OUT_OF_SCOPE');
  });
});
