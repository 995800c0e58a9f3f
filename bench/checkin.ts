/**
 * Training check-in under load: 300 enrolled students scan the session's rotating code within one slot, through the
 * api function and the emulator, and 50 of them scan again at the same moment. Reports the check-ins accepted,
 * the attendance records stored (must equal the students), duplicates (records or accepted first check-ins beyond
 * one per student: must be 0), database round trips per check-in (from the emulator's per-invocation count; the
 * target is at most 3, whatever the number of students) and the 95th percentile of the time a student waited.
 *
 *   npm run bench -- checkin        or        npx tsx bench/checkin.ts        (BENCH_STUDENTS=n for another size)
 *   npm run bench -- checkin --conflicts    transactions conflict as on CloudBase: also retries and BUSY answers
 *
 * As in the votes suite, everything runs in one process with the function timeout lifted, so the latency figures
 * say how long a student waited on this machine; the round trips are the portable figure.
 */
import type { Person } from '../typings/domain';
import { contentionFigures, measureContention } from './contention';
import { call, mean, ok, percentile, printFigures, withBenchEmulator } from './support';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300);
const SECOND_SCANS = 50;
const NOW = '2026-11-10T14:00:03+08:00';

export function run() {
  return withBenchEmulator('checkin', { functionTimeoutS: 300 }, async (emu) => {
    emu.host.setClock(NOW);
    const sport = (await emu.server.db.collection('units').findOne({ _id: 'u_sport' })) as unknown as {
      ancestors: string[];
    };
    const students: Person[] = Array.from({ length: STUDENTS }, (_, i) => {
      const no = `K${String(i).padStart(5, '0')}`;
      return {
        _id: `p_${no}`,
        openid: `o_${no}`,
        name: `学员${no}`,
        studentNo: no,
        collegeId: 'u_sport',
        homePartyBranchId: null,
        homeLeagueBranchId: null,
        status: 'development_candidate',
        statusHistory: [{ status: 'development_candidate', since: '2026-03-01' }],
        memberOf: ['u_sport'],
        reach: ['u_sport', ...sport.ancestors],
        positions: [],
      };
    });
    await emu.server.db.collection('people').insertMany(students);
    const officer = 'demo_sport_officer';
    const { programId } = ok(
      (
        await call<{ programId: string }>(emu, officer, 'trainings.createProgram', {
          unitId: 'u_sport',
          title: '压测：发展对象集中培训',
          level: 'development_candidate',
          category: 'political',
          term: '2026-2027-1',
          capacity: STUDENTS,
          admission: 'open',
        })
      ).reply,
      'createProgram',
    );
    const { sessionId } = ok(
      (
        await call<{ sessionId: string }>(emu, officer, 'trainings.addSession', {
          programId,
          title: '第一讲',
          start: '2026-11-10T14:00:00+08:00',
          end: '2026-11-10T17:00:00+08:00',
          hours: 3,
        })
      ).reply,
      'addSession',
    );
    // Enrolment is not what is measured: the enrolment records go straight into the store.
    await emu.server.db.collection('training_enrolments').insertMany(
      students.map((s) => ({
        _id: `te_${programId}_${s._id}`,
        programId,
        personId: s._id,
        personName: s.name,
        level: 'development_candidate',
        state: 'enrolled',
        at: NOW,
        decidedBy: null,
      })),
    );
    const { token } = ok(
      (await call<{ token: string }>(emu, officer, 'trainings.checkinToken', { sessionId, purpose: 'in' })).reply,
      'checkinToken',
    );

    console.error(`${STUDENTS} students scan at once (+${SECOND_SCANS} second scans)…`);
    const attempts = [...students, ...students.slice(0, SECOND_SCANS)];
    const phase = measureContention(emu);
    const t0 = performance.now();
    const results = await Promise.all(
      attempts.map((s) => call<{ already: boolean }>(emu, s.openid!, 'trainings.checkIn', { token })),
    );
    const burstMs = performance.now() - t0;
    const busy = results.filter((r) => !r.reply.ok && r.reply.error.code === 'BUSY').length;
    const contention = phase(busy);
    const refused = results.filter((r) => !r.reply.ok).map((r) => (r.reply.ok ? '' : r.reply.error.code));
    if (refused.length > 0) throw new Error(`refused scans: ${[...new Set(refused)].join(', ')}`);
    const first = results.filter((r) => r.reply.ok && !r.reply.data.already);
    const acceptedFirst = new Map<string, number>();
    attempts.forEach((s, k) => {
      const r = results[k].reply;
      if (r.ok && !r.data.already) acceptedFirst.set(s._id, (acceptedFirst.get(s._id) ?? 0) + 1);
    });
    const rows = await emu.server.db.collection('training_attendance').find<{ personId: string }>({ sessionId });
    const people = new Set(rows.map((r) => r.personId));
    const trips = first.map((r) => r.roundTrips);
    return {
      checkins: first.length,
      records: rows.length,
      duplicates: rows.length - people.size + [...acceptedFirst.values()].reduce((n, c) => n + (c - 1), 0),
      roundTripsPerCheckin: mean(trips),
      roundTripsPerCheckinMax: Math.max(...trips),
      p95Ms: percentile(
        results.map((r) => r.ms),
        95,
      ),
      p50Ms: percentile(
        results.map((r) => r.ms),
        50,
      ),
      burstMs: Math.round(burstMs),
      checkinReplyBytes: Math.round(first.reduce((n, r) => n + r.bytes, 0) / first.length),
      transactions: emu.transactionMode,
      // Transactions committed during the burst: a check-in is one single-document insert, not a transaction.
      checkinTransactions: contention.writes,
      ...contentionFigures('checkin', contention),
    };
  });
}

if (require.main === module) printFigures(run());
