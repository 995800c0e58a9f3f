/** The program report (enrolment, attendance, hours, exam results, satisfaction) and my hours ledger. */
import type { ReportView } from '../../../typings/actions/trainings';
import type { Person } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { shanghaiIso } from '../../domain/time';
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
import type { Store } from '../../store';
import { assertManage, assertMayReadRecord } from './access';
import {
  ATTENDANCE,
  type AttendanceDoc,
  ENROLMENTS,
  type EnrolmentDoc,
  EXAMS,
  type ExamSubmissionDoc,
  LEAVES,
  type LeaveDoc,
  PROGRAMS,
  type ProgramDoc,
  RATINGS,
  type RatingTotalsDoc,
} from './docs';
import { enrolmentsOf, loadHoursLedger, requireProgram, sessionsOf } from './load';
import { toHoursView } from './views';

export const trainingsReport = defineAction({
  name: 'trainings.report',
  summary: '培训项目报告：报名、出勤率、完成学时、考试通过率与成绩分布、各场次和讲师的满意度（不足 3 人评价不显示）',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, now }, { programId }): Promise<ReportView> {
    const program = await requireProgram(store, programId);
    assertManage(actor, program);
    return buildReport(store, program, now);
  },
});

export const trainingsReportExport = defineAction({
  name: 'trainings.reportExport',
  summary: '导出培训项目报告（.xlsx，存入云存储，返回临时下载链接）',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, ports, now }, { programId }) {
    const program = await requireProgram(store, programId);
    assertManage(actor, program);
    const report = await buildReport(store, program, now);
    const content = await reportWorkbook(report);
    const stamp = shanghaiIso(now).slice(0, 19).replace(/[-:T]/g, '');
    const fileName = `培训报告-${program.title}-${stamp}.xlsx`;
    const fileID = await ports.files.upload(`lingyan-reports/trainings/${program._id}/${stamp}.xlsx`, content);
    const url = await ports.files.tempUrl(fileID, EXPORT_LINK_SECONDS);
    return { fileID, url, fileName, expiresInS: EXPORT_LINK_SECONDS };
  },
});

/** How long the download link of an export lives. */
export const EXPORT_LINK_SECONDS = 3600;

/** The report's figures, from the program's records. */
export async function buildReport(store: Store, program: ProgramDoc, now: Date): Promise<ReportView> {
  const programId = program._id;
  const [enrolments, sessions, attendance, ratings, exams] = await Promise.all([
    enrolmentsOf(store, programId),
    sessionsOf(store, programId),
    store.all<AttendanceDoc>(ATTENDANCE, { programId }),
    store.all<RatingTotalsDoc>(RATINGS, { programId }),
    store.all<ExamSubmissionDoc>(EXAMS, { programId }),
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
}

/** The report as a workbook: 概况, 场次, 讲师, 成绩分布 (aggregates only, as on the page). */
async function reportWorkbook(r: ReportView): Promise<Buffer> {
  // Loaded on first export only: the workbook library is large and most invocations never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '领雁';
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  const summary = wb.addWorksheet('概况');
  summary.columns = [
    { header: '项目', key: 'k', width: 24 },
    { header: '数值', key: 'v', width: 40 },
  ];
  summary.addRows([
    { k: '培训项目', v: r.title },
    { k: '报名人数', v: r.enrolled },
    { k: '候补人数', v: r.waitlisted },
    { k: '已举办场次', v: r.sessionsHeld },
    { k: '出勤率', v: pct(r.attendanceRate) },
    { k: '完成学时（人·学时）', v: r.hoursDelivered },
    { k: '考试提交人数', v: r.exam?.submitted ?? '—' },
    { k: '考试通过率', v: r.exam ? pct(r.exam.passRate) : '—' },
  ]);
  const agg = (a: ReportView['sessions'][number]['rating']) =>
    a ? [a.content, a.delivery, a.usefulness, a.overall] : ['不足3人评价', '', '', ''];
  const sessions = wb.addWorksheet('场次');
  sessions.addRow(['场次', '到场人数', '评价人数', '内容', '讲授', '收获', '综合']);
  for (const s of r.sessions) sessions.addRow([s.title, s.present, s.ratings, ...agg(s.rating)]);
  const trainers = wb.addWorksheet('讲师');
  trainers.addRow(['讲师', '评价人数', '内容', '讲授', '收获', '综合']);
  for (const t of r.trainers) trainers.addRow([t.name, t.ratings, ...agg(t.rating)]);
  if (r.exam) {
    const bands = wb.addWorksheet('成绩分布');
    bands.addRow(['得分（占总分）', '人数']);
    for (const b of r.exam.bands) bands.addRow([b.label, b.count]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

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

export const trainingsRecord = defineAction({
  name: 'trainings.record',
  summary: '个人培训档案：学时达标情况、出勤和考试成绩（本人、所在支部书记和社团指导人员可查看）',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, today, now }, input) {
    // Without a person: my own record.
    const personId = input.personId ?? actor.requirePerson()._id;
    const person = personId === actor.personId ? actor.requirePerson() : await store.get<Person>(PEOPLE, personId);
    if (!person) throw new DomainError('NOT_FOUND', '找不到该人员');
    assertMayReadRecord(actor, person);
    const [ledger, attendance, leaves, exams, enrolments] = await Promise.all([
      loadHoursLedger(store, person, today),
      store.all<AttendanceDoc>(ATTENDANCE, { personId }),
      store.all<LeaveDoc>(LEAVES, { personId }),
      store.all<ExamSubmissionDoc>(EXAMS, { personId }),
      store.all<EnrolmentDoc>(ENROLMENTS, { personId, state: 'enrolled' }),
    ]);
    // Sessions of the programs the person is enrolled in that have ended: present, on approved leave, or absent.
    const sessions = (await Promise.all(enrolments.map((e) => sessionsOf(store, e.programId))))
      .flat()
      .filter((s) => Date.parse(s.end) < now.getTime());
    const present = new Set(attendance.filter((a) => a.checkedInAt).map((a) => a.sessionId));
    const onLeave = new Set(leaves.filter((l) => l.state === 'approved').map((l) => l.sessionId));
    const programs = await store.byIds<ProgramDoc>(
      PROGRAMS,
      exams.map((x) => x.programId),
    );
    return {
      personId,
      name: person.name,
      hours: toHoursView(ledger, today),
      attendance: {
        present: sessions.filter((s) => present.has(s._id)).length,
        onLeave: sessions.filter((s) => !present.has(s._id) && onLeave.has(s._id)).length,
        absent: sessions.filter((s) => !present.has(s._id) && !onLeave.has(s._id)).length,
      },
      exams: exams.map((x) => ({
        programId: x.programId,
        title: programs.get(x.programId)?.title ?? '',
        score: x.score,
        total: x.total,
        passed: x.passed,
      })),
    };
  },
});
