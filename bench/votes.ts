/**
 * Votes under load: 1,000 voters of one party branch, all checked in, cast at the same moment through the api
 * function and the emulator; 100 of them also fire a second ballot at once. Reports ballots counted (must equal
 * the voters), duplicates (ballots beyond one per voter: must be 0), database round trips per successful cast
 * (from the emulator's per-invocation count), casts per second over the burst, and the time to close and tally.
 *
 *   npm run bench votes        or        npx tsx bench/votes.ts        (BENCH_VOTERS=n for another size)
 *   npm run bench -- votes --conflicts      transactions conflict as on CloudBase: also retries per write and BUSY
 *                                           answers of the check-in and of the burst, and whether the whole meeting
 *                                           checked in within a minute with no BUSY answer
 *
 * Everything runs in one process (the emulator, the function host and every invocation), so casts per second is
 * bounded by this machine's CPU and the emulator's serialised transactions, not by CloudBase; the round trips
 * per cast are the portable figure. For the same reason the burst runs with the function timeout lifted: on one
 * 2-core machine 1,100 simultaneous invocations queue for about 12 s in this process, longer than the 10 s the
 * api function is given, while on CloudBase each runs in its own container. The per-cast latency figures say how
 * long a voter waited here.
 */
import type { Person, Unit } from '../typings/domain';
import { contentionFigures, measureContention } from './contention';
import { call, mean, ok, percentile, printFigures, withBenchEmulator } from './support';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);
const DOUBLE_SUBMITTERS = 100;
/** Voters scanning the check-in code at the same moment (a room of people arriving; BENCH_CHECKIN_CONCURRENCY). */
const CHECK_IN_CONCURRENCY = Number(process.env.BENCH_CHECKIN_CONCURRENCY ?? 50);
/**
 * Ballots in flight at once (BENCH_CAST_CONCURRENCY). Serial transactions: every ballot at the same moment. With
 * conflicting transactions, 1,100 casts at once in this one process keep requests waiting past the SDK's own request
 * timeout, so they go 100 at a time (still far more than a room presses in one instant), spread over the vote's
 * ballot boxes (256 for 1,000 voters: `ballotBoxesFor`).
 */
const conflicting = /^(1|true|on|yes)$/i.test(process.env.LINGYAN_EMULATOR_CONFLICTS ?? '');
const CAST_CONCURRENCY = Number(process.env.BENCH_CAST_CONCURRENCY ?? (conflicting ? 100 : Number.POSITIVE_INFINITY));
const NOW = '2026-11-10T14:00:00+08:00';

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

function person(no: string, unit: Unit, status: Person['status']): Person {
  return {
    _id: `p_${no}`,
    openid: `o_${no}`,
    name: `成员${no}`,
    studentNo: no,
    collegeId: 'u_sport',
    homePartyBranchId: unit._id,
    homeLeagueBranchId: null,
    status,
    statusHistory: [{ status, since: '2025-09-01' }],
    memberOf: ['u_sport', unit._id],
    reach: ['u_sport', unit._id, ...unit.ancestors],
    positions: [],
  };
}

export function run() {
  return withBenchEmulator('votes', { functionTimeoutS: 300 }, async (emu) => {
    emu.host.setClock(NOW);
    const sport = (await emu.server.db.collection('units').findOne({ _id: 'u_sport' })) as unknown as Unit;
    const unit: Unit = {
      _id: 'u_bench_pb',
      kind: 'party_branch',
      name: '压测党支部',
      parentId: 'u_sport',
      alsoUnder: [],
      ancestors: ['u_sport', ...sport.ancestors],
    };
    await emu.server.db.collection('units').insertOne(unit);
    const voters = Array.from({ length: VOTERS }, (_, i) =>
      person(`V${String(i).padStart(5, '0')}`, unit, 'full_member'),
    );
    const candidates = ['C1', 'C2', 'C3'].map((no) => person(`V${no}`, unit, 'probationary_member'));
    await emu.server.db.collection('people').insertMany([...voters, ...candidates]);
    const officer = 'demo_sport_officer';

    const { voteId } = ok(
      (
        await call<{ voteId: string }>(emu, officer, 'votes.create', {
          unitId: unit._id,
          kind: 'conversion',
          title: '压测：三名预备党员转正',
          scheduledStart: NOW,
          candidateIds: candidates.map((c) => c._id),
        })
      ).reply,
      'create',
    );
    ok(
      (
        await call(emu, officer, 'votes.open', {
          voteId,
          scrutineerIds: [voters[0]._id],
          tellerIds: [voters[1]._id],
        })
      ).reply,
      'open',
    );
    // The code on the meeting screen (the clock is pinned, so one slot's code serves the whole room here).
    const { token } = ok(
      (await call<{ token: string }>(emu, officer, 'votes.checkInToken', { voteId })).reply,
      'token',
    );
    console.error(`checking ${VOTERS} voters in (${CHECK_IN_CONCURRENCY} at a time, ${emu.transactionMode})…`);
    const checkInTrips: number[] = [];
    const checkInWaits: number[] = [];
    const checkedIn = new Set<string>();
    let checkInBusy = 0;
    const checkInPhase = measureContention(emu);
    const tc = performance.now();
    await pool(voters, CHECK_IN_CONCURRENCY, async (v) => {
      const r = await call(emu, v.openid!, 'votes.checkIn', { voteId, token });
      checkInWaits.push(r.ms);
      // BUSY: the write lost to others after every retry and wrote nothing (the voter would scan again).
      if (!r.reply.ok && r.reply.error.code === 'BUSY') {
        checkInBusy++;
        return;
      }
      ok(r.reply, 'checkIn');
      checkedIn.add(v.openid!);
      checkInTrips.push(r.roundTrips);
    });
    const checkInMs = performance.now() - tc;
    const checkInContention = checkInPhase(checkInBusy);
    console.error(
      `checked in ${checkedIn.size} of ${VOTERS} in ${Math.round(checkInMs)} ms: ${JSON.stringify(checkInContention)}`,
    );

    console.error(`casting ${VOTERS} ballots (+${DOUBLE_SUBMITTERS} second ballots) at once…`);
    const marksFor = (i: number) =>
      candidates.map((c, k) => ({ candidateId: c._id, choice: (['yes', 'no', 'abstain'] as const)[(i + k) % 3] }));
    const present = voters.filter((v) => checkedIn.has(v.openid!));
    const attempts = [
      ...present.map((v, i) => ({ openid: v.openid!, i })),
      ...present.slice(0, DOUBLE_SUBMITTERS).map((v, i) => ({ openid: v.openid!, i })),
    ];
    const castPhase = measureContention(emu);
    const t0 = performance.now();
    type Cast = Awaited<ReturnType<typeof call<{ code: string }>>>;
    const results: Cast[] = new Array(attempts.length);
    const castOne = async (k: number) => {
      const a = attempts[k];
      results[k] = await call<{ code: string }>(emu, a.openid, 'votes.cast', { voteId, marks: marksFor(a.i) });
    };
    if (Number.isFinite(CAST_CONCURRENCY)) {
      await pool(
        attempts.map((_, k) => k),
        CAST_CONCURRENCY,
        castOne,
      );
    } else {
      await Promise.all(attempts.map((_, k) => castOne(k)));
    }
    const castMs = performance.now() - t0;
    const castBusy = results.filter((r) => !r.reply.ok && r.reply.error.code === 'BUSY').length;
    const castContention = castPhase(castBusy);
    const accepted = results.filter((r) => r.reply.ok);
    const acceptedVoters = new Set(attempts.filter((_, k) => results[k].reply.ok).map((a) => a.openid));
    const refusals = results.filter((r) => !r.reply.ok).map((r) => (r.reply.ok ? '' : r.reply.error.code));
    const unexpected = refusals.filter((c) => c !== 'ALREADY_VOTED' && c !== 'BUSY');
    if (unexpected.length > 0) throw new Error(`unexpected refusals: ${[...new Set(unexpected)].join(', ')}`);
    const trips = accepted.map((r) => r.roundTrips);
    const castReplyBytes = Math.round(accepted.reduce((n, r) => n + r.bytes, 0) / accepted.length);

    console.error('closing and counting…');
    const t1 = performance.now();
    const sheet = ok(
      (
        await call<{ ballotsReturned: number; present: number; ballotCodes: string[] }>(emu, officer, 'votes.close', {
          voteId,
        })
      ).reply,
      'close',
    );
    const tallyMs = performance.now() - t1;

    const boxes = await emu.server.db.collection('ballots').find<{ ballots: unknown[] }>({ voteId });
    const stored = boxes.reduce((n, b) => n + b.ballots.length, 0);
    if (stored !== accepted.length) throw new Error(`${stored} ballots stored for ${accepted.length} accepted casts`);
    const codes = new Set(accepted.map((r) => (r.reply.ok ? r.reply.data.code : '')));
    const published = new Set(sheet.ballotCodes);
    const missing = [...codes].filter((c) => !published.has(c)).length;
    if (missing > 0) throw new Error(`${missing} receipt codes missing from the published count`);

    return {
      voters: VOTERS,
      counted: sheet.ballotsReturned,
      // A second ballot accepted from any voter (the box holds exactly the accepted ballots, checked above).
      duplicates: accepted.length - acceptedVoters.size,
      refusedSecondBallots: refusals.filter((c) => c === 'ALREADY_VOTED').length,
      roundTripsPerCast: mean(trips),
      roundTripsPerCastMin: Math.min(...trips),
      roundTripsPerCastMax: Math.max(...trips),
      castsPerSecond: Math.round((accepted.length / castMs) * 1000),
      burstMs: Math.round(castMs),
      castP50Ms: percentile(
        accepted.map((r) => r.ms),
        50,
      ),
      castP95Ms: percentile(
        accepted.map((r) => r.ms),
        95,
      ),
      tallyMs: Math.round(tallyMs),
      castReplyBytes,
      roundTripsPerCheckIn: mean(checkInTrips),
      roundTripsPerCheckInMin: Math.min(...checkInTrips),
      roundTripsPerCheckInMax: Math.max(...checkInTrips),
      transactions: emu.transactionMode,
      checkInConcurrency: CHECK_IN_CONCURRENCY,
      castConcurrency: Number.isFinite(CAST_CONCURRENCY) ? CAST_CONCURRENCY : 'all',
      checkedIn: checkedIn.size,
      // The whole meeting, first scan to last answer (the figure "checks in within a minute" is read from).
      checkInMs: Math.round(checkInMs),
      checkInP95Ms: percentile(checkInWaits, 95),
      ...contentionFigures('checkIn', checkInContention),
      ...contentionFigures('cast', castContention),
    };
  });
}

if (require.main === module) printFigures(run());
