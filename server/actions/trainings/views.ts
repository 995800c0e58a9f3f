/** View mappers: the numbers the mini-program shows (remaining seats, waitlist place, requirement figures) come from here. */
import type {
  HoursView,
  ProgramCardView,
  ProgramView,
  SessionView,
  TrainerView,
} from '../../../typings/actions/trainings';
import {
  ADMISSION_MODE_LABELS,
  ATTENDANCE_STATE_LABELS,
  type AttendanceState,
  ENROLMENT_STATE_LABELS,
  HOURS_MODE_LABELS,
  HOURS_REQUIREMENT_LABELS,
  LEAVE_STATE_LABELS,
  TRAINER_KIND_LABELS,
  TRAINING_CATEGORY_LABELS,
  TRAINING_LEVEL_LABELS,
} from '../../../typings/vocabulary';
import { remainingCapacity, seatOrWaitlist, waitlistPosition } from '../../domain/trainings';
import type { AttendanceDoc, EnrolmentDoc, LeaveDoc, ProgramDoc, SessionDoc, TrainerDoc } from './docs';
import type { PersonLedger } from './load';

export function toTrainerView(t: TrainerDoc): TrainerView {
  return { id: t._id, name: t.name, kind: t.kind, kindLabel: TRAINER_KIND_LABELS[t.kind], profile: t.profile };
}

export function toProgramCard(p: ProgramDoc): ProgramCardView {
  return {
    id: p._id,
    title: p.title,
    level: p.level,
    levelLabel: TRAINING_LEVEL_LABELS[p.level],
    category: p.category,
    categoryLabel: TRAINING_CATEGORY_LABELS[p.category],
    unitId: p.unitId,
    unitName: p.unitName,
    term: p.term,
    admission: p.admission,
    admissionLabel: ADMISSION_MODE_LABELS[p.admission],
    capacity: p.capacity,
    remaining: remainingCapacity(p),
    sessions: p.sessionCount,
    hoursOffered: p.hoursOffered,
  };
}

/** A person's state at a session: present once checked in, on leave when approved, absent after the end, else expected. */
export function attendanceState(
  a: AttendanceDoc | null,
  leave: LeaveDoc | null,
  session: SessionDoc,
  now: Date,
): AttendanceState {
  if (a?.checkedInAt) return 'present';
  if (leave?.state === 'approved') return 'leave';
  if (a || now.getTime() > Date.parse(session.end)) return 'absent';
  return 'expected';
}

export function toSessionView(
  s: SessionDoc,
  mine: { attendance: AttendanceDoc | null; leave: LeaveDoc | null } | null,
  now: Date,
): SessionView {
  const state = mine ? attendanceState(mine.attendance, mine.leave, s, now) : null;
  return {
    id: s._id,
    title: s.title,
    start: s.start,
    end: s.end,
    place: s.place,
    online: s.online,
    hours: s.hours,
    trainerName: s.trainerName,
    mine:
      mine && state
        ? {
            state,
            stateLabel: ATTENDANCE_STATE_LABELS[state],
            checkedInAt: mine.attendance?.checkedInAt ?? null,
            checkedOutAt: mine.attendance?.checkedOutAt ?? null,
            leave: mine.leave?.state ?? null,
            leaveLabel: mine.leave ? LEAVE_STATE_LABELS[mine.leave.state] : null,
            rated: mine.attendance?.rated ?? false,
          }
        : null,
  };
}

export function toProgramView(
  p: ProgramDoc,
  personId: string | null,
  enrolment: EnrolmentDoc | null,
  sessions: SessionView[],
  canManage: boolean,
  openToMe: boolean,
): ProgramView {
  const state = enrolment?.state ?? null;
  const active = state === 'enrolled' || state === 'waitlisted' || state === 'pending';
  let roomLeft = true;
  if (p.admission !== 'review') {
    try {
      seatOrWaitlist(p);
    } catch {
      roomLeft = false;
    }
  }
  return {
    ...toProgramCard(p),
    description: p.description,
    hoursMode: p.hoursMode,
    hoursModeLabel: HOURS_MODE_LABELS[p.hoursMode],
    enrolled: p.enrolled,
    waitlistLimit: p.waitlistLimit,
    waitlistLength: p.waitlist.length,
    sessionList: sessions,
    me: {
      state,
      stateLabel: state ? ENROLMENT_STATE_LABELS[state] : null,
      waitlistPosition: personId ? waitlistPosition(p.waitlist, personId) : null,
      canSignUp: personId !== null && openToMe && !active && state !== 'rejected' && roomLeft,
    },
    exam: p.exam
      ? {
          deadline: p.exam.deadline,
          passMark: p.exam.passMark,
          total: p.exam.total,
          offline: p.exam.offline,
          questions: p.exam.questions.length,
        }
      : null,
    canManage,
  };
}

export function toHoursView(ledger: PersonLedger, today: string): HoursView {
  return {
    year: today.slice(0, 4),
    lines: ledger.lines.map((l) => ({
      id: l.requirement.id,
      label: HOURS_REQUIREMENT_LABELS[l.requirement.id],
      rule: l.requirement.rule,
      source: l.requirement.source,
      required: l.requirement.hours,
      requiredDays: l.requirement.days,
      earned: l.earned,
      days: l.days,
      met: l.met,
      shortfall: l.shortfall,
      yearly: l.requirement.yearly,
      sessions: l.sessionIds.map((id) => {
        const s = ledger.sessions.get(id);
        return { sessionId: id, title: s?.title ?? '', date: s?.date ?? '', hours: ledger.hours.get(id) ?? 0 };
      }),
    })),
  };
}
