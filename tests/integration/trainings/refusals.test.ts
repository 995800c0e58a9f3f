/**
 * Every refusal of the trainings actions, through the api: each answers its own error code and writes nothing (all
 * training collections and the audit trail are exactly as before).
 */
import { createHmac } from 'node:crypto';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addSession, addTrainees, createProgram, sh, snapshot, type Trainee, tokenFor } from './fixtures';

let emu: TestEmulator;
const OFFICER = 'sport_officer';
const OTHER_UNIT_OFFICER = 'info_officer';
let t: Trainee[];
let outsider: Trainee;
let programId: string;
let s1: string;
let s2: string;
let otherProgram: string;
let otherSession: string;

/** Runs a refused call and checks that nothing the trainings actions write has changed. */
async function refused(who: string, action: string, input: unknown, code: string): Promise<void> {
  const before = await snapshot(emu);
  const res = await emu.as(who, action, input);
  expect(errorCode(res)).toBe(code);
  expect(await snapshot(emu)).toBe(before);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-01 09:00'));
  t = await addTrainees(emu, 4, 'TR', 'full_member');
  [outsider] = await addTrainees(emu, 1, 'TX', 'full_member');
  programId = await createProgram(emu, OFFICER, { level: 'party_member', capacity: 2, waitlistLimit: 1 });
  s1 = await addSession(emu, OFFICER, programId, '2026-11-05 14:00', '2026-11-05 16:00', 2);
  s2 = await addSession(emu, OFFICER, programId, '2026-11-06 14:00', '2026-11-06 16:00', 2);
  for (const x of t.slice(0, 3)) expectOk(await emu.as(x.who, 'trainings.signUp', { programId }));
  otherProgram = await createProgram(emu, OFFICER, { title: '另一个培训', level: 'party_member' });
  otherSession = await addSession(emu, OFFICER, otherProgram, '2026-11-05 14:00', '2026-11-05 16:00', 2);
  expectOk(await emu.as(outsider.who, 'trainings.signUp', { programId: otherProgram }));
});
afterAll(() => emu.close());

describe('sign-up', () => {
  it('refuses a sign-up beyond capacity and the waitlist: PROGRAM_FULL', async () => {
    await refused(t[3].who, 'trainings.signUp', { programId }, 'PROGRAM_FULL');
  });

  it('refuses a second sign-up: ALREADY_ENROLLED', async () => {
    await refused(t[0].who, 'trainings.signUp', { programId }, 'ALREADY_ENROLLED');
  });

  it('refuses someone not on the invitation list: NOT_INVITED', async () => {
    const invite = await createProgram(emu, OFFICER, { admission: 'invite', inviteeIds: [t[0].id] });
    await refused(t[1].who, 'trainings.signUp', { programId: invite }, 'NOT_INVITED');
  });

  it('refuses a student of another college: OUT_OF_SCOPE', async () => {
    await refused('info_full1', 'trainings.signUp', { programId }, 'OUT_OF_SCOPE');
  });
});

describe('check-in tokens', () => {
  it('refuses an expired code (two slots old): CHECKIN_TOKEN_EXPIRED', async () => {
    emu.host.setClock(sh('2026-11-05 14:00:00'));
    const token = await tokenFor(emu, OFFICER, s1);
    emu.host.setClock(sh('2026-11-05 14:00:21'));
    await refused(t[0].who, 'trainings.checkIn', { token }, 'CHECKIN_TOKEN_EXPIRED');
  });

  it('refuses a code replayed from a screenshot half a minute later: CHECKIN_TOKEN_EXPIRED', async () => {
    emu.host.setClock(sh('2026-11-05 14:01:00'));
    const token = await tokenFor(emu, OFFICER, s1);
    expectOk(await emu.as(t[0].who, 'trainings.checkIn', { token }));
    emu.host.setClock(sh('2026-11-05 14:01:30'));
    await refused(t[1].who, 'trainings.checkIn', { token }, 'CHECKIN_TOKEN_EXPIRED');
  });

  it('refuses a forged code (wrong key, or a field changed under the signature): CHECKIN_TOKEN_INVALID', async () => {
    emu.host.setClock(sh('2026-11-05 14:02:00'));
    const genuine = await tokenFor(emu, OFFICER, s1);
    const [p, s, purpose, slot] = genuine.split('.');
    const mac = createHmac('sha256', 'a-guessed-secret-0000')
      .update(`lingyan-checkin\n${p}\n${s}\n${purpose}\n${slot}`)
      .digest('base64url');
    await refused(
      t[1].who,
      'trainings.checkIn',
      { token: `${p}.${s}.${purpose}.${slot}.${mac}` },
      'CHECKIN_TOKEN_INVALID',
    );
    const moved = genuine.replace(`${s}.`, `${s2}.`);
    await refused(t[1].who, 'trainings.checkIn', { token: moved }, 'CHECKIN_TOKEN_INVALID');
    const later = genuine.replace(`.${slot}.`, `.${Number(slot) + 1}.`);
    await refused(t[1].who, 'trainings.checkIn', { token: later }, 'CHECKIN_TOKEN_INVALID');
    await refused(t[1].who, 'trainings.checkIn', { token: 'hello' }, 'CHECKIN_TOKEN_INVALID');
  });

  it('refuses another session’s code at this session: CHECKIN_TOKEN_OTHER_SESSION', async () => {
    emu.host.setClock(sh('2026-11-05 14:03:00'));
    const other = await tokenFor(emu, OFFICER, otherSession);
    await refused(t[1].who, 'trainings.checkIn', { token: other, sessionId: s1 }, 'CHECKIN_TOKEN_OTHER_SESSION');
  });

  it('refuses check-in to a session I am not enrolled in: NOT_ENROLLED', async () => {
    emu.host.setClock(sh('2026-11-05 14:04:00'));
    const token = await tokenFor(emu, OFFICER, otherSession);
    await refused(t[1].who, 'trainings.checkIn', { token }, 'NOT_ENROLLED');
    // On the waitlist is not enrolled.
    await refused(t[2].who, 'trainings.checkIn', { token: await tokenFor(emu, OFFICER, s1) }, 'NOT_ENROLLED');
    await refused(t[3].who, 'trainings.checkIn', { token: await tokenFor(emu, OFFICER, s1) }, 'NOT_ENROLLED');
  });

  it('refuses a check-out without a check-in: TRAINING_NOT_CHECKED_IN', async () => {
    emu.host.setClock(sh('2026-11-05 16:00'));
    await refused(
      t[1].who,
      'trainings.checkIn',
      { token: await tokenFor(emu, OFFICER, s1, 'out') },
      'TRAINING_NOT_CHECKED_IN',
    );
  });

  it('gives no code outside the session’s window: SESSION_NOT_LIVE', async () => {
    emu.host.setClock(sh('2026-11-05 16:31'));
    await refused(OFFICER, 'trainings.checkinToken', { sessionId: s1, purpose: 'in' }, 'SESSION_NOT_LIVE');
  });
});

describe('an organiser of another unit', () => {
  it('cannot act on this program: OUT_OF_SCOPE, nothing written', async () => {
    emu.host.setClock(sh('2026-11-05 14:10'));
    const session = {
      programId,
      title: '越权添加',
      start: sh('2026-11-07 14:00'),
      end: sh('2026-11-07 16:00'),
      hours: 2,
    };
    await refused(OTHER_UNIT_OFFICER, 'trainings.addSession', session, 'OUT_OF_SCOPE');
    await refused(OTHER_UNIT_OFFICER, 'trainings.checkinToken', { sessionId: s1, purpose: 'in' }, 'OUT_OF_SCOPE');
    const mark = { sessionId: s1, personId: t[1].id, present: true, reason: '越权登记' };
    await refused(OTHER_UNIT_OFFICER, 'trainings.mark', mark, 'OUT_OF_SCOPE');
    await refused(
      OTHER_UNIT_OFFICER,
      'trainings.review',
      { programId, personId: t[1].id, approve: true },
      'OUT_OF_SCOPE',
    );
    const exam = { programId, passMark: 1, deadline: sh('2026-11-10 18:00'), offline: true, offlineTotal: 100 };
    await refused(OTHER_UNIT_OFFICER, 'trainings.setExam', exam, 'OUT_OF_SCOPE');
    const scores = { programId, scores: [{ personId: t[0].id, score: 100 }] };
    await refused(OTHER_UNIT_OFFICER, 'trainings.recordScores', scores, 'OUT_OF_SCOPE');
    await refused(
      OTHER_UNIT_OFFICER,
      'trainings.decideLeave',
      { sessionId: s2, personId: t[1].id, approve: true },
      'OUT_OF_SCOPE',
    );
    await refused(OTHER_UNIT_OFFICER, 'trainings.attendance', { sessionId: s1 }, 'OUT_OF_SCOPE');
    await refused(OTHER_UNIT_OFFICER, 'trainings.enrolment', { programId }, 'OUT_OF_SCOPE');
    await refused(OTHER_UNIT_OFFICER, 'trainings.report', { programId }, 'OUT_OF_SCOPE');
    const program = {
      unitId: 'u_sport',
      title: '越权项目',
      level: 'party_member',
      category: 'political',
      term: '2026-2027-1',
      capacity: 5,
      admission: 'open',
    };
    await refused(OTHER_UNIT_OFFICER, 'trainings.createProgram', program, 'OUT_OF_SCOPE');
  });
});

describe('hand marks and leave', () => {
  it('refuses a hand mark without a reason: MARK_REASON_REQUIRED', async () => {
    await refused(
      OFFICER,
      'trainings.mark',
      { sessionId: s1, personId: t[1].id, present: true, reason: '  ' },
      'MARK_REASON_REQUIRED',
    );
    await refused(
      OFFICER,
      'trainings.mark',
      { sessionId: s1, personId: t[1].id, present: true },
      'MARK_REASON_REQUIRED',
    );
  });

  it('refuses leave once the session has started: LEAVE_TOO_LATE', async () => {
    await refused(t[1].who, 'trainings.requestLeave', { sessionId: s1, reason: '临时有事' }, 'LEAVE_TOO_LATE');
  });

  it('refuses a second leave request: LEAVE_EXISTS', async () => {
    expectOk(await emu.as(t[1].who, 'trainings.requestLeave', { sessionId: s2, reason: '参加比赛' }));
    await refused(t[1].who, 'trainings.requestLeave', { sessionId: s2, reason: '参加比赛' }, 'LEAVE_EXISTS');
  });
});

describe('text the trainees or the organisers read', () => {
  it('refuses a program, a session, a trainer or a leave reason the content check finds risky: CONTENT_REJECTED', async () => {
    const program = {
      unitId: 'u_sport',
      title: '发展对象培训',
      description: '附赌博网站链接',
      level: 'development_candidate',
      category: 'political',
      term: '2026-2027-1',
      capacity: 10,
      admission: 'open',
    };
    await refused(OFFICER, 'trainings.createProgram', program, 'CONTENT_REJECTED');
    const session = {
      programId,
      title: '诈骗专场',
      start: sh('2026-11-20 14:00'),
      end: sh('2026-11-20 16:00'),
      hours: 2,
    };
    await refused(OFFICER, 'trainings.addSession', session, 'CONTENT_REJECTED');
    const trainer = { unitId: 'u_sport', name: '王老师', kind: 'outside', profile: '违禁词' };
    await refused(OFFICER, 'trainings.createTrainer', trainer, 'CONTENT_REJECTED');
    await refused(t[0].who, 'trainings.requestLeave', { sessionId: s2, reason: '去赌博' }, 'CONTENT_REJECTED');
  });
});

describe('ratings', () => {
  it('refuses a rating by someone who did not attend: RATING_NOT_ATTENDED', async () => {
    await refused(
      t[1].who,
      'trainings.rate',
      { sessionId: s1, content: 1, delivery: 1, usefulness: 1 },
      'RATING_NOT_ATTENDED',
    );
  });

  it('refuses a second rating: RATING_ALREADY_GIVEN', async () => {
    expectOk(await emu.as(t[0].who, 'trainings.rate', { sessionId: s1, content: 5, delivery: 5, usefulness: 5 }));
    await refused(
      t[0].who,
      'trainings.rate',
      { sessionId: s1, content: 1, delivery: 1, usefulness: 1 },
      'RATING_ALREADY_GIVEN',
    );
  });

  it('refuses a comment the content check judges risky: CONTENT_REJECTED', async () => {
    emu.host.setClock(sh('2026-11-06 14:00'));
    expectOk(await emu.as(t[1].who, 'trainings.checkIn', { token: await tokenFor(emu, OFFICER, s2) }));
    const rating = { sessionId: s2, content: 3, delivery: 3, usefulness: 3, comment: '推荐一个赌博网站' };
    await refused(t[1].who, 'trainings.rate', rating, 'CONTENT_REJECTED');
  });
});

describe('the exam', () => {
  const questions = [
    { id: 'q1', kind: 'single', text: '题一', options: ['甲', '乙'], answer: [0], points: 50 },
    { id: 'q2', kind: 'truefalse', text: '题二', options: ['正确', '错误'], answer: [1], points: 50 },
  ];
  beforeAll(async () => {
    emu.host.setClock(sh('2026-11-06 17:00'));
    expectOk(
      await emu.as(OFFICER, 'trainings.setExam', {
        programId,
        questions,
        passMark: 60,
        deadline: sh('2026-11-07 18:00'),
      }),
    );
  });

  it('refuses answers to questions not in the exam: EXAM_ANSWER_UNKNOWN', async () => {
    const answers = [{ questionId: 'q9', choice: [0] }];
    await refused(t[0].who, 'trainings.submitExam', { programId, answers }, 'EXAM_ANSWER_UNKNOWN');
  });

  it('refuses a second submission: EXAM_ALREADY_SUBMITTED', async () => {
    expectOk(
      await emu.as(t[0].who, 'trainings.submitExam', { programId, answers: [{ questionId: 'q1', choice: [0] }] }),
    );
    const again = {
      programId,
      answers: [
        { questionId: 'q1', choice: [0] },
        { questionId: 'q2', choice: [1] },
      ],
    };
    await refused(t[0].who, 'trainings.submitExam', again, 'EXAM_ALREADY_SUBMITTED');
  });

  it('refuses a submission after the deadline: EXAM_CLOSED', async () => {
    emu.host.setClock(sh('2026-11-07 18:00:01'));
    await refused(t[1].who, 'trainings.submitExam', { programId, answers: [] }, 'EXAM_CLOSED');
  });

  it('refuses a submission from someone not enrolled: NOT_ENROLLED', async () => {
    emu.host.setClock(sh('2026-11-07 09:00'));
    await refused(t[3].who, 'trainings.submitExam', { programId, answers: [] }, 'NOT_ENROLLED');
  });

  it('refuses a paper whose key is unsound: EXAM_MALFORMED', async () => {
    const bad = [{ id: 'q1', kind: 'single', text: '题一', options: ['甲', '乙'], answer: [0, 1], points: 50 }];
    await refused(
      OFFICER,
      'trainings.setExam',
      { programId: otherProgram, questions: bad, passMark: 10, deadline: sh('2026-11-10 18:00') },
      'EXAM_MALFORMED',
    );
  });
});
