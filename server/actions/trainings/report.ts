/** The program report (enrolment, attendance, hours, exam results, satisfaction) and my hours ledger. */
import type { ReportView } from '../../../typings/actions/trainings';
import { defineAction } from '../../action';
import {
  addTotals,
  attendanceRate,
  EMPTY_TOTALS,
  hoursForAttendance,
  MIN_RATINGS_SHOWN,
  type RatingTotals,
  ratingAggregate,
  SCORE_BANDS,
  scoreDistribution,
} from '../../domain/trainings';
import { assertManage } from './access';
import { ATTENDANCE, type AttendanceDoc, EXAMS, type ExamSubmissionDoc, RATINGS, type RatingTotalsDoc } from './docs';
import { enrolmentsOf, loadAll, loadHoursLedger, requireProgram, sessionsOf } from './load';
import { toHoursView } from './views';

export const trainingsReport = defineAction({
  name: 'trainings.report',
  summary: '培训项目报告：报名、出勤率、完成学时、考试通过率与成绩分布、各场次和讲师的满意度（不足 3 人评价不显示）',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, now }, { programId }): Promise<ReportView> {
    const program = await requireProgram(store, programId);
    assertManage(actor, program);
    const [enrolments, sessions, attendance, ratings, exams] = await Promise.all([
      enrolmentsOf(store, programId),
      sessionsOf(store, programId),
      loadAll<AttendanceDoc>(store, ATTENDANCE, { programId }),
      loadAll<RatingTotalsDoc>(store, RATINGS, { programId }),
      loadAll<ExamSubmissionDoc>(store, EXAMS, { programId }),
    ]);
    const present = attendance.filter((a) => a.checkedInAt !== null);
    const sessionById = new Map(sessions.map((s) => [s._id, s]));
    const held = sessions.filter((s) => Date.parse(s.start) <= now.getTime());
    const heldIds = new Set(held.map((s) => s._id));
    const enrolled = enrolments.filter((e) => e.state === 'enrolled').length;
    const hoursDelivered = present.reduce((sum, a) => {
      const s = sessionById.get(a.sessionId);
      return s ? sum + hoursForAttendance(s.hoursMode, s.hours, a.checkedInAt, a.checkedOutAt) : sum;
    }, 0);
    const totalsOf = new Map(ratings.map((r) => [r.sessionId, r]));
    const byTrainer = new Map<string, { name: string; totals: RatingTotals }>();
    for (const s of sessions) {
      if (!s.trainerId) continue;
      const t = totalsOf.get(s._id) ?? EMPTY_TOTALS;
      const cur = byTrainer.get(s.trainerId) ?? { name: s.trainerName ?? '', totals: EMPTY_TOTALS };
      byTrainer.set(s.trainerId, { name: cur.name, totals: addTotals(cur.totals, { n: t.n, sums: t.sums }) });
    }
    const exam = program.exam;
    const passed = exams.filter((x) => x.passed).length;
    return {
      programId,
      title: program.title,
      enrolled,
      waitlisted: program.waitlist.length,
      sessionsHeld: held.length,
      attendanceRate: attendanceRate(present.filter((a) => heldIds.has(a.sessionId)).length, enrolled, held.length),
      hoursDelivered: Math.round(hoursDelivered * 10) / 10,
      exam: exam
        ? {
            submitted: exams.length,
            passed,
            passRate: exams.length ? Math.round((passed / exams.length) * 1000) / 10 : null,
            total: exam.total,
            bands: scoreDistribution(
              exams.map((x) => x.score),
              exam.total,
            ).map((count, i) => ({ label: SCORE_BANDS[i], count })),
          }
        : null,
      sessions: sessions
        .sort((a, b) => (a.start < b.start ? -1 : 1))
        .map((s) => {
          const t = totalsOf.get(s._id) ?? { ...EMPTY_TOTALS };
          return {
            sessionId: s._id,
            title: s.title,
            present: present.filter((a) => a.sessionId === s._id).length,
            ratings: t.n,
            rating: ratingAggregate(t),
          };
        }),
      trainers: [...byTrainer].map(([trainerId, { name, totals }]) => ({
        trainerId,
        name,
        ratings: totals.n,
        rating: ratingAggregate(totals),
      })),
      comments: ratings
        .filter((r) => r.n >= MIN_RATINGS_SHOWN && r.comments.length > 0)
        .map((r) => ({ sessionId: r.sessionId, texts: r.comments })),
      minRatingsShown: MIN_RATINGS_SHOWN,
    };
  },
});

export const trainingsMyHours = defineAction({
  name: 'trainings.myHours',
  summary: '我的培训学时：每项适用要求的完成情况、差额和计入的场次',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store, today }) {
    const me = actor.requirePerson();
    return toHoursView(await loadHoursLedger(store, me, today), today);
  },
});
