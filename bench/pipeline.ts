/**
 * The development pipeline with a branch of 300 open cases: database round trips of the secretary's case list, of a
 * case page, of the step form's options and of a step with its gate checks, measured at 30 cases and again at 300 (they must not grow with the
 * number of cases), and the latency of those calls here.
 *
 *   npm run bench pipeline        or        npx tsx bench/pipeline.ts        (BENCH_CASES=n for another size)
 */
import type { Emulator } from '../emulator';
import { demoOpenid } from '../emulator/demo/school';
import type { Person } from '../typings/domain';
import { percentile, printFigures, withBenchEmulator } from './support';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const FIRST = 30;
const BRANCH = 'u_sport_pb';
const SECRETARY = demoOpenid('sport_pb_sec');
const VOTERS = ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_full2', 'sport_full3'].map(demoOpenid);

type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

async function call<T>(emu: Emulator, openid: string, action: string, input: unknown) {
  const t0 = performance.now();
  const r = await emu.call(action, input, openid);
  const body = r.body as Reply<T>;
  if (!body.ok) throw new Error(`${action}: ${body.error.code} ${body.error.message}`);
  return { data: body.data, roundTrips: r.roundTrips, ms: performance.now() - t0 };
}

function student(i: number): Person {
  const no = `2026${String(i).padStart(6, '0')}`;
  return {
    _id: `p_${no}`,
    openid: `o_${no}`,
    name: '林小满',
    studentNo: no,
    collegeId: 'u_sport',
    homePartyBranchId: null,
    homeLeagueBranchId: null,
    status: 'masses',
    statusHistory: [{ status: 'masses', since: '2020-05-04' }],
    memberOf: ['u_sport'],
    reach: ['u_sport', 'u_party', 'u_league', 'u_school'],
    positions: [],
    birthDate: '2006-05-01',
  };
}

async function open(emu: Emulator, from: number, to: number): Promise<void> {
  await emu.server.db.collection('people').insertMany(Array.from({ length: to - from }, (_, k) => student(from + k)));
  for (let i = from; i < to; i++) {
    await call(emu, student(i).openid as string, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' });
  }
}

async function measure(emu: Emulator, caseId: string, samples: number) {
  const list: number[] = [];
  const page: number[] = [];
  const options: number[] = [];
  const listMs: number[] = [];
  const caseMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const l = await call(emu, SECRETARY, 'pipeline.list', { branchId: BRANCH, page: 1 + (i % 3), pageSize: 20 });
    list.push(l.roundTrips);
    listMs.push(l.ms);
    const c = await call(emu, SECRETARY, 'pipeline.get', { caseId });
    page.push(c.roundTrips);
    caseMs.push(c.ms);
    options.push((await call(emu, SECRETARY, 'pipeline.stepOptions', { caseId })).roundTrips);
  }
  return { list: Math.max(...list), page: Math.max(...page), options: Math.max(...options), listMs, caseMs };
}

/** One step with its gates: the talk and recommendation recorded, the branch's vote held, then determine_activist. */
async function step(emu: Emulator, i: number) {
  const s = student(i);
  const caseId = `pc_${s._id}`;
  const talk = { caseId, kind: 'application', on: '2026-10-12', topics: '提纲', content: '内容', opinion: '意见' };
  await call(emu, SECRETARY, 'pipeline.recordTalk', talk);
  await call(emu, SECRETARY, 'pipeline.recordRecommendation', {
    caseId,
    on: '2026-10-12',
    recommenderIds: ['p_2022010103'],
    content: '推荐',
  });
  emu.host.setClock('2026-10-12T13:00:00+08:00');
  const { data } = await call<{ voteId: string }>(emu, SECRETARY, 'votes.create', {
    unitId: BRANCH,
    kind: 'activist_determination',
    title: '确定入党积极分子',
    scheduledStart: '2026-10-12T14:00:00+08:00',
    candidateIds: [s._id],
  });
  emu.host.setClock('2026-10-12T14:00:00+08:00');
  await call(emu, SECRETARY, 'votes.open', {
    voteId: data.voteId,
    scrutineerIds: ['p_2022010103'],
    tellerIds: ['p_2022010104'],
  });
  const screen = await call<{ token: string }>(emu, SECRETARY, 'votes.checkInToken', { voteId: data.voteId });
  for (const v of VOTERS) {
    await call(emu, v, 'votes.checkIn', { voteId: data.voteId, token: screen.data.token });
    await call(emu, v, 'votes.cast', { voteId: data.voteId, marks: [{ candidateId: s._id, choice: 'yes' }] });
  }
  await call(emu, SECRETARY, 'votes.close', { voteId: data.voteId });
  emu.host.setClock('2026-10-12T16:00:00+08:00');
  const r = await call(emu, SECRETARY, 'pipeline.takeStep', {
    caseId,
    step: 'determine_activist',
    meetingRef: '支委会记录',
    voteId: data.voteId,
  });
  return r;
}

export function run() {
  return withBenchEmulator('pipeline', {}, async (emu) => {
    emu.host.setClock('2026-10-05T09:00:00+08:00');
    await open(emu, 0, FIRST);
    emu.host.setClock('2026-10-12T09:00:00+08:00');
    const small = await measure(emu, `pc_${student(0)._id}`, 5);
    const smallStep = await step(emu, 1);
    emu.host.setClock('2026-10-05T09:00:00+08:00');
    await open(emu, FIRST, CASES);
    emu.host.setClock('2026-10-12T09:00:00+08:00');
    const large = await measure(emu, `pc_${student(CASES - 1)._id}`, 20);
    const steps = [await step(emu, 2), await step(emu, 3)];
    const stepMs = steps.map((s) => s.ms);
    const constant =
      small.list === large.list &&
      small.page === large.page &&
      small.options === large.options &&
      smallStep.roundTrips === steps[0].roundTrips;
    return {
      cases: CASES,
      roundTripsList: large.list,
      roundTripsCase: large.page,
      roundTripsOptions: large.options,
      roundTripsStep: Math.max(...steps.map((s) => s.roundTrips)),
      constantInCases: constant,
      listP95Ms: percentile(large.listMs, 95),
      caseP95Ms: percentile(large.caseMs, 95),
      stepMaxMs: Math.round(Math.max(...stepMs)),
      p95Ms: percentile([...large.listMs, ...large.caseMs, ...stepMs], 95),
    };
  });
}

if (require.main === module) printFigures(run());
