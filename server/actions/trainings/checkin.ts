/**
 * Check-in that cannot be forwarded (a product decision): the organiser's screen fetches a code that rotates every
 * slot (`trainings.checkinToken`), the trainee scans it in the mini-program (`trainings.checkIn`). Hand marks with a
 * reason, leave before a session, and the organiser's attendance sheet with its no-shows.
 *
 * The scan is the hot path: a room checks in within seconds. A check-in is the pipeline's identity read, one read of
 * the enrolment and one insert of the attendance record whose id is derived from the session and the person — three
 * round trips, whatever the size of the room, and a second scan is the same id refused by the database, so it
 * changes nothing. The single-document insert is atomic by itself; it is deliberately not a transaction with an
 * audit entry: every check-in in the school would queue on the one chain head and cost four more round trips, and
 * the attendance record (who, when, by scan) is the trail of the scan. What a person decides about someone else's
 * attendance — a hand mark, a leave decision — is audited.
 */
import type { AttendanceRow } from '../../../typings/actions/trainings';
import { ATTENDANCE_STATE_LABELS } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import {
  assertCheckinWindow,
  assertLeaveInTime,
  assertMarkReason,
  CHECKIN_SLOT_MS,
  checkinSlot,
  hoursForAttendance,
  msUntilNextSlot,
  signCheckinToken,
  verifyCheckinToken,
} from '../../domain/trainings';
import { existsOnce, translateDbError } from '../../store';
import { assertPostable } from '../content';
import { assertManage } from './access';
import {
  ATTENDANCE,
  type AttendanceDoc,
  attendanceId,
  ENROLMENTS,
  type EnrolmentDoc,
  enrolmentId,
  LEAVES,
  type LeaveDoc,
  leaveId,
} from './docs';
import { enrolmentsOf, requireSession } from './load';
import { attendanceState } from './views';

/**
 * The key of the check-in codes, from the function's environment (LINGYAN_CHECKIN_SECRET), never the database: whoever
 * can read the database still cannot mint a code. Without it no code is issued or accepted (fail closed).
 */
export function checkinSecret(): string {
  const secret = process.env.LINGYAN_CHECKIN_SECRET;
  if (!secret || secret.length < 16) throw new Error('LINGYAN_CHECKIN_SECRET is not set (at least 16 characters)');
  return secret;
}

export const trainingsCheckinToken = defineAction({
  name: 'trainings.checkinToken',
  summary: '现场签到/签退二维码的当前内容（每 10 秒更换，由服务器签名；培训开始前 30 分钟至结束后 30 分钟可用）',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'SESSION_NOT_LIVE'],
  async run({ actor, store, now }, { sessionId, purpose }) {
    const session = await requireSession(store, sessionId);
    assertManage(actor, session);
    assertCheckinWindow(session.start, session.end, now);
    const token = signCheckinToken(checkinSecret(), {
      programId: session.programId,
      sessionId,
      purpose,
      slot: checkinSlot(now),
    });
    return { token, purpose, refreshInMs: msUntilNextSlot(now), slotMs: CHECKIN_SLOT_MS };
  },
});

const TOKEN_ERRORS = {
  invalid: 'CHECKIN_TOKEN_INVALID',
  expired: 'CHECKIN_TOKEN_EXPIRED',
  other_session: 'CHECKIN_TOKEN_OTHER_SESSION',
} as const;

export const trainingsCheckIn = defineAction({
  name: 'trainings.checkIn',
  summary: '扫码签到或签退（扫描培训现场屏幕上的二维码）；重复扫码不改变记录',
  access: { kind: 'member' },
  errors: [
    'CHECKIN_TOKEN_INVALID',
    'CHECKIN_TOKEN_EXPIRED',
    'CHECKIN_TOKEN_OTHER_SESSION',
    'NOT_ENROLLED',
    'TRAINING_NOT_CHECKED_IN',
  ],
  async run({ actor, store, now, nowIso }, { token, sessionId: at }) {
    const me = actor.requirePerson();
    const verdict = verifyCheckinToken(checkinSecret(), token, now, at === undefined ? {} : { sessionId: at });
    if (!verdict.ok) throw new DomainError(TOKEN_ERRORS[verdict.reason]);
    const { programId, sessionId, purpose } = verdict.claims;
    const id = attendanceId(sessionId, me._id);
    const attendance = store.collection(ATTENDANCE);
    const _ = store.command;

    if (purpose === 'out') {
      const res = await attendance
        .where({ _id: id, checkedInAt: _.neq(null), checkedOutAt: null })
        .update({ data: { checkedOutAt: nowIso } });
      if ((res?.stats?.updated ?? 0) === 1) return { sessionId, purpose, at: nowIso, already: false };
      const existing = await store.get<AttendanceDoc>(ATTENDANCE, id);
      if (!existing?.checkedInAt) throw new DomainError('TRAINING_NOT_CHECKED_IN');
      return { sessionId, purpose, at: existing.checkedOutAt ?? nowIso, already: true };
    }

    const enrolment = await store.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, me._id));
    if (enrolment?.state !== 'enrolled') throw new DomainError('NOT_ENROLLED');
    const doc: AttendanceDoc = {
      _id: id,
      sessionId,
      programId,
      personId: me._id,
      checkedInAt: nowIso,
      checkedOutAt: null,
      markedBy: null,
      reason: null,
      rated: false,
    };
    try {
      await attendance.add({ data: doc });
      return { sessionId, purpose, at: nowIso, already: false };
    } catch (err) {
      const e = translateDbError(err);
      if (!(e instanceof DomainError && e.code === 'CONFLICT')) throw e;
    }
    // A second scan (or a record an organiser marked absent before the person arrived).
    const existing = await store.get<AttendanceDoc>(ATTENDANCE, id);
    if (existing?.checkedInAt) return { sessionId, purpose, at: existing.checkedInAt, already: true };
    await attendance.where({ _id: id, checkedInAt: null }).update({ data: { checkedInAt: nowIso } });
    return { sessionId, purpose, at: nowIso, already: false };
  },
});

export const trainingsMark = defineAction({
  name: 'trainings.mark',
  summary: '手工登记考勤（到场或缺勤），须写明理由，记入审计',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'MARK_REASON_REQUIRED', 'NOT_ENROLLED'],
  async run({ actor, store, write }, input) {
    const me = actor.requirePerson();
    const session = await requireSession(store, input.sessionId);
    assertManage(actor, session);
    const reason = assertMarkReason(input.reason);
    const enrolment = await store.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(session.programId, input.personId));
    if (enrolment?.state !== 'enrolled') throw new DomainError('NOT_ENROLLED', '该人员未报名此培训');
    return write(async (tx) => {
      const id = attendanceId(session._id, input.personId);
      const before = await tx.get<AttendanceDoc>(ATTENDANCE, id);
      const doc: AttendanceDoc = {
        _id: id,
        sessionId: session._id,
        programId: session.programId,
        personId: input.personId,
        checkedInAt: input.present ? (before?.checkedInAt ?? session.start) : null,
        checkedOutAt: input.present ? (before?.checkedOutAt ?? session.end) : null,
        markedBy: me._id,
        reason,
        rated: before?.rated ?? false,
      };
      await tx.put(ATTENDANCE, doc);
      tx.audit('trainings.mark', `${ATTENDANCE}/${id}`, before, doc);
      return { personId: input.personId, state: input.present ? ('present' as const) : ('absent' as const) };
    });
  },
});

export const trainingsRequestLeave = defineAction({
  name: 'trainings.requestLeave',
  summary: '培训开始前请假（须组织者批准）',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'NOT_ENROLLED', 'LEAVE_TOO_LATE', 'LEAVE_EXISTS', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, write, now, nowIso }, { sessionId, reason }) {
    const me = actor.requirePerson();
    const session = await requireSession(store, sessionId);
    const enrolment = await store.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(session.programId, me._id));
    if (enrolment?.state !== 'enrolled') throw new DomainError('NOT_ENROLLED');
    assertLeaveInTime(session.start, now);
    // The organisers read the reason.
    await assertPostable(ports, actor.openid, reason);
    const doc: LeaveDoc = {
      _id: leaveId(sessionId, me._id),
      sessionId,
      programId: session.programId,
      personId: me._id,
      personName: me.name,
      reason,
      state: 'pending',
      requestedAt: nowIso,
      decidedBy: null,
      decidedAt: null,
    };
    await existsOnce('LEAVE_EXISTS', () =>
      write(async (tx) => {
        await tx.create('trainings.requestLeave', LEAVES, doc);
      }),
    );
    return { state: 'pending' as const };
  },
});

export const trainingsDecideLeave = defineAction({
  name: 'trainings.decideLeave',
  summary: '批准或不批准请假',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'LEAVE_NOT_PENDING'],
  async run({ actor, store, write, nowIso }, { sessionId, personId, approve }) {
    const me = actor.requirePerson();
    const session = await requireSession(store, sessionId);
    assertManage(actor, session);
    return write(async (tx) => {
      const before = await tx.require<LeaveDoc>(LEAVES, leaveId(sessionId, personId), [
        'NOT_FOUND',
        '找不到该请假申请',
      ]);
      if (before.state !== 'pending') throw new DomainError('LEAVE_NOT_PENDING');
      const state = approve ? ('approved' as const) : ('rejected' as const);
      await tx.patch(LEAVES, before._id, { state, decidedBy: me._id, decidedAt: nowIso });
      tx.audit('trainings.decideLeave', `${LEAVES}/${before._id}`, before, { ...before, state });
      return { state };
    });
  },
});

export const trainingsAttendance = defineAction({
  name: 'trainings.attendance',
  summary: '一场培训的考勤：签到、请假、手工登记和缺勤人员',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, now }, { sessionId }) {
    const session = await requireSession(store, sessionId);
    assertManage(actor, session);
    const [enrolments, attendance, leaves] = await Promise.all([
      enrolmentsOf(store, session.programId),
      store.all<AttendanceDoc>(ATTENDANCE, { sessionId }),
      store.all<LeaveDoc>(LEAVES, { sessionId }),
    ]);
    const byPerson = new Map(attendance.map((a) => [a.personId, a]));
    const leaveOf = new Map(leaves.map((l) => [l.personId, l]));
    const rows: AttendanceRow[] = enrolments
      .filter((e) => e.state === 'enrolled' || byPerson.has(e.personId))
      .map((e) => {
        const a = byPerson.get(e.personId) ?? null;
        const l = leaveOf.get(e.personId) ?? null;
        const state = attendanceState(a, l, session, now);
        return {
          personId: e.personId,
          name: e.personName,
          state,
          stateLabel: ATTENDANCE_STATE_LABELS[state],
          checkedInAt: a?.checkedInAt ?? null,
          checkedOutAt: a?.checkedOutAt ?? null,
          hours: hoursForAttendance(session.hoursMode, session.hours, a?.checkedInAt ?? null, a?.checkedOutAt ?? null),
          handMarked: a?.markedBy != null,
          leaveReason: l?.reason ?? null,
          leave: l?.state ?? null,
        };
      });
    return {
      sessionId,
      title: session.title,
      start: session.start,
      end: session.end,
      hours: session.hours,
      enrolled: enrolments.filter((e) => e.state === 'enrolled').length,
      present: rows.filter((r) => r.state === 'present').length,
      onLeave: rows.filter((r) => r.state === 'leave').length,
      noShows: rows.filter((r) => r.state === 'absent').length,
      rows,
    };
  },
});
