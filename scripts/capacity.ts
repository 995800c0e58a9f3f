/**
 * `npm run capacity`: what a school costs on CloudBase, on paper, from measured figures.
 *
 * Reads the benchmarks' figures saved by `npm run bench -- --save` (bench/results.json: round trips per call and
 * reply sizes, measured through the real SDK against the emulator) and multiplies them by a school's activity, every
 * assumption a named constant below with its reason. Prints the Markdown tables; `--write` regenerates
 * docs/capacity.md from scripts/capacity.template.md (never edit the document by hand: edit an assumption or
 * re-run the benchmarks, then `npm run capacity -- --write`). A unit test fails when the document and the figures
 * disagree.
 *
 *   npm run capacity                         print the tables
 *   npm run capacity -- --write              regenerate docs/capacity.md
 *   npm run capacity -- --results other.json read another results file
 */
import fs from 'node:fs';
import path from 'node:path';
import { ballotBoxesFor } from '../server/actions/votes/docs';

const ROOT = path.resolve(__dirname, '..');
export const RESULTS_FILE = path.join(ROOT, 'bench/results.json');
export const TEMPLATE_FILE = path.join(__dirname, 'capacity.template.md');
export const DOC_FILE = path.join(ROOT, 'docs/capacity.md');

// ---------------------------------------------------------------------------------------------------------------
// Measured figures (bench/results.json): only the ones the model uses.

export interface SavedSuite {
  measuredAt: string;
  machine: { cpus: number; loadAverage1m: number; node: string };
  figures: Record<string, unknown>;
}
export type Results = Record<string, SavedSuite>;

export interface Measured {
  /** notices.list: database requests per call (the identity read included) and reply bytes of one page. */
  listRoundTrips: number;
  listReplyBytes: number;
  /** notices.get: the same for one notice's detail. */
  detailRoundTrips: number;
  detailReplyBytes: number;
  /** me.get (首页 on every show): database requests and reply bytes. */
  meRoundTrips: number;
  meReplyBytes: number;
  /** votes.checkIn: mean database requests per check-in by scan (one insert of the participation record). */
  voteCheckinRoundTrips: number;
  /** votes.cast: mean database requests per accepted ballot and reply bytes. */
  castRoundTrips: number;
  castReplyBytes: number;
  /** trainings.checkIn: mean database requests per first scan and reply bytes. */
  checkinRoundTrips: number;
  checkinReplyBytes: number;
  /** The api bundle's cold require time (ms) with wx-server-sdk's own, on this machine. */
  coldRequireMs: number;
  /**
   * Whether vote check-ins still contend on one document (the vote's counter), as measured with transactions
   * conflicting (`npm run bench -- votes --conflicts --save`: retries or BUSY answers at check-in). Unmeasured
   * (undefined) counts as contended: the safe side.
   */
  voteCheckinContended?: boolean;
}

function num(results: Results, suite: string, key: string): number {
  const v = results[suite]?.figures?.[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`bench/results.json has no number ${suite}.${key}: run \`npm run bench -- ${suite} --save\``);
  }
  return v;
}

export function measuredFrom(results: Results): Measured {
  return {
    listRoundTrips: num(results, 'notices', 'roundTripsList'),
    listReplyBytes: num(results, 'notices', 'listReplyBytes'),
    detailRoundTrips: num(results, 'notices', 'roundTripsDetail'),
    detailReplyBytes: num(results, 'notices', 'detailReplyBytes'),
    meRoundTrips: num(results, 'notices', 'roundTripsMe'),
    meReplyBytes: num(results, 'notices', 'meReplyBytes'),
    voteCheckinRoundTrips: num(results, 'votes', 'roundTripsPerCheckIn'),
    castRoundTrips: num(results, 'votes', 'roundTripsPerCast'),
    castReplyBytes: num(results, 'votes', 'castReplyBytes'),
    checkinRoundTrips: num(results, 'checkin', 'roundTripsPerCheckin'),
    checkinReplyBytes: num(results, 'checkin', 'checkinReplyBytes'),
    coldRequireMs: num(results, 'foundation', 'requireMs'),
    voteCheckinContended: voteCheckinContended(results),
  };
}

/** Check-ins retried or refused BUSY in conflict mode: one document every check-in writes (undefined: unmeasured). */
function voteCheckinContended(results: Results): boolean | undefined {
  const f = results['votes-conflicts']?.figures;
  if (typeof f?.checkInRetriesPerWrite !== 'number' || typeof f.checkInBusy !== 'number') return undefined;
  // Retries come also from the audit chains now and then; a document every check-in writes shows as more than one
  // retry for every ten writes, or as any BUSY answer.
  return f.checkInBusy > 0 || f.checkInRetriesPerWrite > 0.1;
}

// ---------------------------------------------------------------------------------------------------------------
// The school: every assumption with its reason.

export interface School {
  students: number;
  branches: number;
  /** Share of students who bind WeChat and use the mini-program at all. */
  boundShare: number;
  /** Times a bound student opens the mini-program in a term month. */
  opensPerMonth: number;
  /** me.get calls per open (首页 reloads it on every show, 我的 too). */
  mePerOpen: number;
  /** notices.get calls per open (not every open reads a notice). */
  detailsPerOpen: number;
  /** Months a year in which the activity below happens (terms; nothing in the breaks). */
  activeMonths: number;
  /** 公示 published per year (branches, colleges, the school). */
  noticesPerYear: number;
  /** Audited writes in one notice's life (draft, publish, close by the scheduler, archive). */
  writesPerNotice: number;
  /** Objections filed per notice (most notices draw none). */
  objectionsPerNotice: number;
  /** Branch votes per year and voters per vote. */
  votesPerYear: number;
  votersPerVote: number;
  /** Audited writes to run one vote (create, open, close with the count, decision). */
  writesPerVote: number;
  /** Members evaluated in the annual democratic evaluation (民主评议), all in one week. */
  evaluatedPerYear: number;
  /** Training check-ins per year (trainees × sessions) and the trainees enrolled (one audited write each). */
  trainingCheckinsPerYear: number;
  traineesPerYear: number;
  /** The peaks: the evaluation week's people, and the largest training session checking in at once. */
  evaluationWeekPeople: number;
  evaluationWeekDays: number;
  /** The evaluation week's busiest moment: branch meetings held at once, their size, the minutes they submit in. */
  evaluationMeetingsAtOnce: number;
  evaluationMeetingSize: number;
  evaluationSubmitWindowS: number;
  peakCheckinPeople: number;
  /** Seconds in which the large room scans the code (the organiser shows it as people come in). */
  peakCheckinWindowS: number;
  /** The largest vote meeting (a college's party congress) checking in: people and seconds. */
  voteMeetingPeople: number;
  voteMeetingWindowS: number;
}

/**
 * 30,000 students in 300 branches. Figures an organisation office would recognise; change one here and the document
 * follows.
 */
export const SCHOOL: School = {
  // The school the estimate is for: 30,000 students in 300 party and league branches.
  students: 30_000,
  branches: 300,
  // League members, activists and the development pipeline use it; many students never bind.
  boundShare: 0.6,
  // About twice a week in term: a notice to read, a meeting, a training.
  opensPerMonth: 8,
  // 首页 on every open, sometimes again after 我的 or a return from a notice.
  mePerOpen: 1.5,
  // Half the opens go on to read one notice.
  detailsPerOpen: 0.5,
  // Two terms of about five months; the breaks are quiet.
  activeMonths: 10,
  // About 10 per branch (推优, activists, development candidates, conversions, honours) plus college and school ones.
  noticesPerYear: 3_200,
  // Create, publish, close (scheduler), archive.
  writesPerNotice: 4,
  // One objection per 50 notices.
  objectionsPerNotice: 0.02,
  // Party branches vote on admissions and conversions about four times a year, leagues on 推优; about 30 members
  // present at each.
  votesPerYear: 1_200,
  votersPerVote: 30,
  // Create, open, close with the count, the decision.
  writesPerVote: 4,
  // Student party members are about 7% of students: ~2,000, evaluated once a year in one week.
  evaluatedPerYear: 2_000,
  // ~3,000 activists and ~1,000 development candidates, about 8 sessions each, plus league trainings.
  trainingCheckinsPerYear: 40_000,
  // Every trainee enrolled once a year (an audited write).
  traineesPerYear: 5_000,
  // The evaluation week: every student party member in one working week.
  evaluationWeekPeople: 2_000,
  evaluationWeekDays: 5,
  // Branch meetings share the usual Thursday-afternoon slot: 20 branches of 30 submit within two minutes.
  evaluationMeetingsAtOnce: 20,
  evaluationMeetingSize: 30,
  evaluationSubmitWindowS: 120,
  // A school-wide activist training in the auditorium.
  peakCheckinPeople: 1_000,
  peakCheckinWindowS: 60,
  // The target the design is held to: a 1,000-person meeting checks in within a minute (a school-wide congress is
  // of this order; a branch's own votes are about 30 and never near the limits below).
  voteMeetingPeople: 1_000,
  voteMeetingWindowS: 60,
};

/** What the code does, not measured by a benchmark suite: read from the store and the actions (stated, not guessed). */
export const CODE = {
  // An audited write: identity read, transaction start, target read, the write, audit head read, entry insert,
  // head update, commit (a cast, a transaction with two writes and no chain, measures 6).
  auditedWriteRoundTrips: 8,
  auditedWriteWrites: 3,
  // A vote check-in by scan (its requests are measured): one insert of the participation record. No counter on the
  // vote (presence is counted from the records) and no audit entry (the close seals the records into the chain).
  voteCheckinWrites: 1,
  // A ballot cast: the participation update and the ballot box update.
  castWrites: 2,
  // An anchor (Store.refreshCheckpoint, after a vote's close, a 公示 filing and each verification): the entry the
  // checkpoint names, the 65 chain heads in one query, then a transaction on the school chain: start, head read,
  // anchor entry insert, head update, commit. The checkpoint's download and upload are cloud storage, not database.
  anchorRoundTrips: 7,
  anchorWrites: 2,
  // The scheduler verifies the trail once a day, all year, and anchors the shard chains after it when any moved.
  verificationsPerYear: 365,
  // A training scan: one insert of the attendance record; reads are the identity and the enrolment.
  trainingCheckinWrites: 1,
  // The scheduler ticks every minute (cloudfunctions/scheduler/config.json).
  schedulerTicksPerMonth: 30 * 24 * 60,
  // Each tick asks what is due: the daily audit check's marker, notices to advance, provisional windows.
  schedulerReadsPerTick: 3,
  // The daily audit verification reads the whole chain, 100 entries per read (server/audit.ts).
  auditEntriesPerRead: 100,
  // CloudBase returns at most 100 documents per query from a function in our store (server/store.ts).
  documentsPerQuery: 100,
  // Ordinary audited writes spread over this many shard chains by the record they change (server/store.ts
  // AUDIT_CHAINS); only writes that seal or anchor records that matter use the one school chain.
  auditChains: 64,
} as const;

/** Sizes and timings on CloudBase this machine cannot measure: assumptions, each with its reason. */
export const CLOUD = {
  // One database request from a function in the same region: ~15 ms.
  dbRequestMs: 15,
  // Function start-up inside a warm container, the pipeline and the reply: ~40 ms.
  invocationOverheadMs: 40,
  // The api function's memory (CloudBase default).
  functionMemoryGb: 0.25,
  /* Stored sizes, judged from the demo school's documents (a notice is priced from its measured detail reply). */
  // A person with positions and status history.
  personDocBytes: 1_500,
  // A ballot in its box (marks and a receipt code).
  ballotBytes: 250,
  // An attendance record (who, when, by scan).
  attendanceBytes: 300,
  // A hash-chain entry (hashes, digests, actor, action, time).
  auditEntryBytes: 500,
  // An anchor entry: every shard chain's head (64 of them, each an entry number and a 64-hex hash) besides an
  // entry's own fields.
  anchorEntryBytes: 5_000,
  // An empty ballot box as made at open (its id, the vote, its number); its ballots are priced as ballots.
  ballotBoxBytes: 100,
  // An evaluation form.
  evaluationBytes: 1_000,
  // An objection with its text.
  objectionBytes: 1_000,
  // A participation record (carries the ballot and its secret).
  participationBytes: 600,
  // What a vote's record grows by per audited step.
  voteStepBytes: 500,
  // An enrolment record.
  enrolmentBytes: 300,
  // The reply of a write the benchmarks do not measure: an envelope with an id and a state (casts measure 79).
  writeReplyBytes: 200,
  // Per-function concurrent instances (CloudBase's default limit): to confirm against the current price list.
  functionConcurrency: 1_000,
  // The scheduler's and the api function's timeouts (cloudfunctions/*/config.json).
  schedulerTimeoutS: 60,
  apiTimeoutS: 10,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// CloudBase plans. To confirm against the current price list: this machine cannot reach the vendor's pages. The
// figures are the mini-program CloudBase quota table as last published (基础版1 … 专业版2); CloudBase has since moved
// to resource-point billing, so the names and numbers may differ today. Function calls per month for the larger
// plans were not in that table: marked guessed.

export interface Plan {
  name: string;
  callsPerMonth: number;
  gbsPerMonth: number;
  egressGbPerMonth: number;
  dbGb: number;
  dbConnections: number;
  readsPerDay: number;
  writesPerDay: number;
  note: string;
}

export const PLANS: Plan[] = [
  {
    name: '基础版1',
    callsPerMonth: 200_000,
    gbsPerMonth: 40_000,
    egressGbPerMonth: 1,
    dbGb: 2,
    dbConnections: 20,
    readsPerDay: 50_000,
    writesPerDay: 30_000,
    note: 'to confirm',
  },
  {
    name: '基础版2',
    callsPerMonth: 1_000_000,
    gbsPerMonth: 200_000,
    egressGbPerMonth: 3,
    dbGb: 3,
    dbConnections: 50,
    readsPerDay: 250_000,
    writesPerDay: 150_000,
    note: 'to confirm; calls and writes guessed',
  },
  {
    name: '专业版1',
    callsPerMonth: 2_000_000,
    gbsPerMonth: 400_000,
    egressGbPerMonth: 5,
    dbGb: 5,
    dbConnections: 100,
    readsPerDay: 500_000,
    writesPerDay: 300_000,
    note: 'to confirm; calls and writes guessed',
  },
  {
    name: '专业版2',
    callsPerMonth: 5_000_000,
    gbsPerMonth: 1_500_000,
    egressGbPerMonth: 10,
    dbGb: 10,
    dbConnections: 200,
    readsPerDay: 1_500_000,
    writesPerDay: 900_000,
    note: 'to confirm; calls and writes guessed',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// The computation.

export interface Row {
  activity: string;
  source: 'measured' | 'from the code';
  /** Function invocations in a term month. */
  calls: number;
  reads: number;
  writes: number;
  egressBytes: number;
  /** GB-seconds of the api function. */
  gbs: number;
  /** Database bytes added per year. */
  storedBytesPerYear: number;
}

export interface Peak {
  name: string;
  /** Invocations per second at the peak. */
  callsPerS: number;
  /** Database requests per second. */
  dbPerS: number;
  /** Function instances busy at once (arrival rate × duration). */
  concurrency: number;
  /** Database connections busy at once (each request holds one for its duration). */
  dbConnections: number;
  /** Reads and writes on the peak day. */
  readsPerDay: number;
  writesPerDay: number;
}

export interface Capacity {
  rows: Row[];
  total: Omit<Row, 'activity' | 'source'>;
  /** An ordinary term day (a month's reads and writes over 30 days). */
  dayReads: number;
  dayWrites: number;
  peaks: Peak[];
  /** Database size after one and after five years (people + five years of records). */
  dbBytesYear1: number;
  dbBytesYear5: number;
  /** Audit entries a year, and the daily verification's reads then. */
  auditEntriesPerYear: number;
  plans: { plan: Plan; fits: boolean; short: string[] }[];
  smallestPlan: string | null;
  breaks: { what: string; at: string; growth: number }[];
}

const durationS = (roundTrips: number) => (CLOUD.invocationOverheadMs + roundTrips * CLOUD.dbRequestMs) / 1000;

function row(
  activity: string,
  source: Row['source'],
  callsPerMonth: number,
  roundTrips: number,
  writesPerCall: number,
  replyBytes: number,
  storedBytesPerCall: number,
  months: number,
): Row {
  // Every database request is billed as a read or a write; the ones that are not writes are counted as reads
  // (transaction bookkeeping included: the safe side for the read quota).
  return {
    activity,
    source,
    calls: callsPerMonth,
    reads: callsPerMonth * (roundTrips - writesPerCall),
    writes: callsPerMonth * writesPerCall,
    egressBytes: callsPerMonth * replyBytes,
    gbs: callsPerMonth * durationS(roundTrips) * CLOUD.functionMemoryGb,
    storedBytesPerYear: callsPerMonth * months * storedBytesPerCall,
  };
}

export function compute(m: Measured, s: School, plans: Plan[] = PLANS): Capacity {
  const month = (perYear: number) => perYear / s.activeMonths;
  const opens = s.students * s.boundShare * s.opensPerMonth;
  const auditedRt = CODE.auditedWriteRoundTrips;
  const auditedW = CODE.auditedWriteWrites;
  const audited = (activity: string, perYear: number, stored: number) =>
    row(
      activity,
      'from the code',
      month(perYear),
      auditedRt,
      auditedW,
      CLOUD.writeReplyBytes,
      stored + CLOUD.auditEntryBytes,
      s.activeMonths,
    );
  const casts = s.votesPerYear * s.votersPerVote;
  const boxesPerVote = ballotBoxesFor(s.votersPerVote);
  // Anchor entries on the school chain: one after each vote's close and each 公示 filing (their records carry the
  // trail's position), and one after each daily verification — at most, since none is written when no shard moved.
  const anchorsPerYear = s.votesPerYear + s.noticesPerYear + CODE.verificationsPerYear;
  const rows: Row[] = [
    row('me.get (首页)', 'measured', opens * s.mePerOpen, m.meRoundTrips, 0, m.meReplyBytes, 0, s.activeMonths),
    row('notices.list (each open)', 'measured', opens, m.listRoundTrips, 0, m.listReplyBytes, 0, s.activeMonths),
    row(
      'notices.get',
      'measured',
      opens * s.detailsPerOpen,
      m.detailRoundTrips,
      0,
      m.detailReplyBytes,
      0,
      s.activeMonths,
    ),
    audited('notice lifecycle', s.noticesPerYear * s.writesPerNotice, m.detailReplyBytes / s.writesPerNotice),
    audited('objections', s.noticesPerYear * s.objectionsPerNotice, CLOUD.objectionBytes),
    row(
      'votes.checkIn',
      'measured',
      month(casts),
      m.voteCheckinRoundTrips,
      CODE.voteCheckinWrites,
      CLOUD.writeReplyBytes,
      CLOUD.participationBytes,
      s.activeMonths,
    ),
    row(
      'votes.cast',
      'measured',
      month(casts),
      m.castRoundTrips,
      CODE.castWrites,
      m.castReplyBytes,
      CLOUD.ballotBytes,
      s.activeMonths,
    ),
    audited('vote management', s.votesPerYear * s.writesPerVote, CLOUD.voteStepBytes),
    // The boxes a vote opens with (one insert each, in the open's transaction), read back at the count.
    {
      activity: `ballot boxes (${fmt(boxesPerVote)} made at each vote's open, read at its count)`,
      source: 'from the code',
      calls: 0,
      reads: month(s.votesPerYear) * Math.ceil(boxesPerVote / CODE.documentsPerQuery),
      writes: month(s.votesPerYear) * boxesPerVote,
      egressBytes: 0,
      gbs: month(s.votesPerYear) * boxesPerVote * (CLOUD.dbRequestMs / 1000) * CLOUD.functionMemoryGb,
      storedBytesPerYear: s.votesPerYear * boxesPerVote * CLOUD.ballotBoxBytes,
    },
    audited('evaluations', s.evaluatedPerYear, CLOUD.evaluationBytes),
    row(
      'trainings.checkIn',
      'measured',
      month(s.trainingCheckinsPerYear),
      m.checkinRoundTrips,
      CODE.trainingCheckinWrites,
      m.checkinReplyBytes,
      CLOUD.attendanceBytes,
      s.activeMonths,
    ),
    audited('training enrolments', s.traineesPerYear, CLOUD.enrolmentBytes),
  ];
  // The anchors ride on the calls that take them (a close, a filing, the scheduler): requests, writes and storage only.
  rows.push({
    activity: 'audit anchors (vote closes, 公示 filings, daily verification)',
    source: 'from the code',
    calls: 0,
    reads: month(anchorsPerYear) * (CODE.anchorRoundTrips - CODE.anchorWrites),
    writes: month(anchorsPerYear) * CODE.anchorWrites,
    egressBytes: 0,
    gbs: month(anchorsPerYear) * CODE.anchorRoundTrips * (CLOUD.dbRequestMs / 1000) * CLOUD.functionMemoryGb,
    storedBytesPerYear: anchorsPerYear * CLOUD.anchorEntryBytes,
  });
  // Audit entries: one per audited write, and the anchors (check-ins, casts and scans are deliberately not chained).
  const auditEntriesPerYear =
    rows.filter((r) => r.source === 'from the code').reduce((n, r) => n + r.calls * s.activeMonths, 0) + anchorsPerYear;
  // The scheduler: every minute, all year; the daily verification reads the chain as it stands after a year.
  const verifyReadsPerDay = Math.ceil(auditEntriesPerYear / CODE.auditEntriesPerRead);
  rows.push({
    activity: 'scheduler (every minute, daily audit verify)',
    source: 'from the code',
    calls: CODE.schedulerTicksPerMonth,
    reads: CODE.schedulerTicksPerMonth * CODE.schedulerReadsPerTick + 30 * verifyReadsPerDay,
    writes: 30,
    egressBytes: 0,
    gbs:
      CODE.schedulerTicksPerMonth * durationS(CODE.schedulerReadsPerTick) * CLOUD.functionMemoryGb +
      30 * durationS(verifyReadsPerDay) * CLOUD.functionMemoryGb,
    storedBytesPerYear: 0,
  });

  const sum = (k: keyof Omit<Row, 'activity' | 'source'>) => rows.reduce((n, r) => n + r[k], 0);
  const total = {
    calls: sum('calls'),
    reads: sum('reads'),
    writes: sum('writes'),
    egressBytes: sum('egressBytes'),
    gbs: sum('gbs'),
    storedBytesPerYear: sum('storedBytesPerYear'),
  };
  const dayReads = total.reads / 30;
  const dayWrites = total.writes / 30;

  // Peaks: people arriving at a rate, each call costing its round trips, on top of an ordinary day.
  const peak = (name: string, perS: number, dayCalls: number, roundTrips: number, writes: number): Peak => ({
    name,
    callsPerS: perS,
    dbPerS: perS * roundTrips,
    concurrency: perS * durationS(roundTrips),
    dbConnections: perS * roundTrips * (CLOUD.dbRequestMs / 1000),
    readsPerDay: dayReads + dayCalls * (roundTrips - writes),
    writesPerDay: dayWrites + dayCalls * writes,
  });
  // The evaluation week: each evaluated member submits once (an audited write); the busiest moment is the branch
  // meetings held in the same slot.
  const evalPerS = (s.evaluationMeetingsAtOnce * s.evaluationMeetingSize) / s.evaluationSubmitWindowS;
  const evaluation = peak(
    `evaluation week (${fmt(s.evaluationWeekPeople)} people in ${s.evaluationWeekDays} days; ${s.evaluationMeetingsAtOnce} meetings of ${s.evaluationMeetingSize} submitting within ${s.evaluationSubmitWindowS} s)`,
    evalPerS,
    s.evaluationWeekPeople / s.evaluationWeekDays,
    auditedRt,
    auditedW,
  );
  const checkin = peak(
    `training check-in (${fmt(s.peakCheckinPeople)} people in ${s.peakCheckinWindowS} s)`,
    s.peakCheckinPeople / s.peakCheckinWindowS,
    s.peakCheckinPeople,
    m.checkinRoundTrips,
    CODE.trainingCheckinWrites,
  );
  const voteMeeting = peak(
    `vote meeting check-in (${fmt(s.voteMeetingPeople)} people in ${s.voteMeetingWindowS} s)`,
    s.voteMeetingPeople / s.voteMeetingWindowS,
    s.voteMeetingPeople,
    m.voteCheckinRoundTrips,
    CODE.voteCheckinWrites,
  );
  const peaks = [evaluation, checkin, voteMeeting];

  const dbBytesYear1 = s.students * CLOUD.personDocBytes + total.storedBytesPerYear;
  const dbBytesYear5 = s.students * CLOUD.personDocBytes + 5 * total.storedBytesPerYear;
  const GB = 1024 ** 3;
  const peakReads = Math.max(...peaks.map((p) => p.readsPerDay));
  const peakWrites = Math.max(...peaks.map((p) => p.writesPerDay));
  const peakConnections = Math.max(...peaks.map((p) => p.dbConnections));
  const busiest = (f: (p: Peak) => number) => [...peaks].sort((a, b) => f(b) - f(a))[0];
  const fitted = plans.map((plan) => {
    const short: string[] = [];
    if (total.calls > plan.callsPerMonth) short.push('calls');
    if (total.gbs > plan.gbsPerMonth) short.push('GB-s');
    if (total.egressBytes / GB > plan.egressGbPerMonth) short.push('egress');
    if (dbBytesYear5 / GB > plan.dbGb) short.push('db size (5 years)');
    if (peakConnections > plan.dbConnections) short.push('connections');
    if (peakReads > plan.readsPerDay) short.push('reads/day');
    if (peakWrites > plan.writesPerDay) short.push('writes/day');
    return { plan, fits: short.length === 0, short };
  });
  const smallest = fitted.find((f) => f.fits);

  // What breaks first as the school grows: the growth factor at which each limit is reached.
  const plan = smallest?.plan ?? plans[plans.length - 1];
  // A document that many concurrent writers touch is held for a transaction's duration T. CloudBase's transactions
  // are optimistic: a write conflicts when another one on the same document overlaps it. With writes arriving at
  // random at rate λ, the share that conflicts on its first attempt is 1 − e^(−λ·T). Past λ·T = 0.5 (~40% of first
  // attempts conflicting) retries feed on themselves and the store's eight retries start to run out into BUSY
  // answers: that is the limit counted here (measured in conflict mode: see "Contention" in the document).
  // The audit trail: ordinary audited writes spread over CODE.auditChains chains (the evaluation week's are all such),
  // so a chain sees 1/auditChains of them. Scans and casts are deliberately not chained.
  const holdS = (roundTrips: number) => (roundTrips * CLOUD.dbRequestMs) / 1000;
  const auditHoldS = holdS(auditedRt);
  const auditWritesPerSAtPeak = evaluation.callsPerS;
  const auditChainLimitPerS = (CODE.auditChains * 0.5) / auditHoldS;
  const perChainConflicts = 1 - Math.exp(-(auditWritesPerSAtPeak / CODE.auditChains) * auditHoldS);
  // A vote meeting: every check-in writes the vote's own document (its counter) as long as the measured check-in in
  // conflict mode shows it contended; a check-in that writes only its own record drops this row.
  const voteHoldS = holdS(m.voteCheckinRoundTrips);
  const voteDocLimitPerS = 0.5 / voteHoldS;
  const voteDocContended = m.voteCheckinContended !== false;
  // Casting at the vote meeting, as fast as the room checked in: a cast shares only its ballot box, one of those the
  // vote opened with (ballotBoxesFor), picked at random by its receipt code.
  const castHoldS = holdS(m.castRoundTrips);
  const meetingBoxes = ballotBoxesFor(s.voteMeetingPeople);
  const castsPerS = s.voteMeetingPeople / s.voteMeetingWindowS;
  const boxLimitPerS = (meetingBoxes * 0.5) / castHoldS;
  // A whole set read in one api call, 100 documents a request, must fit the api function's timeout: the largest
  // today is the large session's attendance sheet.
  const setReadLimit = ((CLOUD.apiTimeoutS * 1000) / (CLOUD.dbRequestMs * 2)) * CODE.documentsPerQuery;
  // The daily verification must finish within the scheduler's timeout; a read of 100 entries taken as two requests'
  // time (more data than a point read).
  const verifyLimitEntries = ((CLOUD.schedulerTimeoutS * 1000) / (CLOUD.dbRequestMs * 2)) * CODE.auditEntriesPerRead;
  const breaks = [
    {
      what: `database connections at the ${busiest((p) => p.dbConnections).name} (plan ${plan.name}: ${plan.dbConnections})`,
      at: `${fmt(peakConnections, 1)} busy`,
      growth: plan.dbConnections / peakConnections,
    },
    {
      what: `reads per day on the peak day (plan ${plan.name}: ${plan.readsPerDay.toLocaleString('en-US')})`,
      at: fmt(peakReads),
      growth: plan.readsPerDay / peakReads,
    },
    {
      what: `function calls per month (plan ${plan.name}: ${plan.callsPerMonth.toLocaleString('en-US')})`,
      at: fmt(total.calls),
      growth: plan.callsPerMonth / total.calls,
    },
    {
      what: `the audit chains: audited writes per second at the ${evaluation.name}, spread over ${CODE.auditChains} chains (each write holds its chain's head ~${fmt(auditHoldS * 1000)} ms; conflicts and retries mount past ${fmt(auditChainLimitPerS)}/s)`,
      at: `${fmt(auditWritesPerSAtPeak, 2)}/s (${fmt(perChainConflicts * 100, 1)}% of first attempts conflict)`,
      growth: auditChainLimitPerS / auditWritesPerSAtPeak,
    },
    ...(voteDocContended
      ? [
          {
            what: `the vote's own document, written by every check-in at the ${voteMeeting.name} (each holds it ~${fmt(voteHoldS * 1000)} ms; conflicts and retries mount past ${fmt(voteDocLimitPerS, 1)}/s)`,
            at: `${fmt(voteMeeting.callsPerS, 2)}/s (${fmt((1 - Math.exp(-voteMeeting.callsPerS * voteHoldS)) * 100)}% of first attempts conflict)`,
            growth: voteDocLimitPerS / voteMeeting.callsPerS,
          },
        ]
      : []),
    {
      what: `the ballot boxes at the ${fmt(s.voteMeetingPeople)}-person vote meeting casting within ${s.voteMeetingWindowS} s: ${fmt(meetingBoxes)} boxes, a cast writing one at random (each cast holds its box ~${fmt(castHoldS * 1000)} ms; conflicts and retries mount past ${fmt(boxLimitPerS)}/s)`,
      at: `${fmt(castsPerS, 2)}/s (${fmt((1 - Math.exp(-(castsPerS / meetingBoxes) * castHoldS)) * 100, 1)}% of first attempts conflict)`,
      growth: boxLimitPerS / castsPerS,
    },
    {
      what: `per-function concurrency at the ${busiest((p) => p.concurrency).name} (${fmt(CLOUD.functionConcurrency)} instances)`,
      at: `${fmt(busiest((p) => p.concurrency).concurrency, 1)} instances`,
      growth: CLOUD.functionConcurrency / busiest((p) => p.concurrency).concurrency,
    },
    {
      what: `the daily audit verification within the scheduler's ${CLOUD.schedulerTimeoutS} s (at ${CODE.auditEntriesPerRead} entries a read, ~${fmt(verifyLimitEntries)} entries; the chain only grows, so the factor is also the years until then at today's size)`,
      at: `${fmt(auditEntriesPerYear)} entries after one year`,
      growth: verifyLimitEntries / auditEntriesPerYear,
    },
    {
      what: `a whole set read in one api call within its ${CLOUD.apiTimeoutS} s (${CODE.documentsPerQuery} documents a read, ~${fmt(setReadLimit)} documents): the ${fmt(s.peakCheckinPeople)}-person session's attendance sheet`,
      at: `${fmt(Math.ceil(s.peakCheckinPeople / CODE.documentsPerQuery))} reads`,
      growth: setReadLimit / s.peakCheckinPeople,
    },
  ].sort((a, b) => a.growth - b.growth);

  return {
    rows,
    total,
    dayReads,
    dayWrites,
    peaks,
    dbBytesYear1,
    dbBytesYear5,
    auditEntriesPerYear,
    plans: fitted,
    smallestPlan: smallest?.plan.name ?? null,
    breaks,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering.

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
const mb = (bytes: number) => fmt(bytes / 1024 ** 2, 1);

/** What the school does, a year and a term month (the counts the rows below multiply). */
export function activityTable(s: School): string {
  const opens = s.students * s.boundShare * s.opensPerMonth;
  const items: [string, number][] = [
    ['mini-program opens', opens * s.activeMonths],
    ['公示 published', s.noticesPerYear],
    ['objections', s.noticesPerYear * s.objectionsPerNotice],
    ['votes', s.votesPerYear],
    ['vote check-ins and ballots', s.votesPerYear * s.votersPerVote],
    ['members evaluated (all in one week)', s.evaluatedPerYear],
    ['trainees enrolled', s.traineesPerYear],
    ['training check-ins', s.trainingCheckinsPerYear],
  ];
  return [
    '| Activity | A year | A term month |',
    '|---|--:|--:|',
    ...items.map(
      ([what, n]) => `| ${what} | ${fmt(n)} | ${fmt(n / s.activeMonths, n / s.activeMonths < 10 ? 1 : 0)} |`,
    ),
  ].join('\n');
}

export function monthlyTable(c: Capacity): string {
  const head =
    '| Activity | Figures | Calls / month | DB reads / month | DB writes / month | Egress MB / month | GB-s / month |\n' +
    '|---|---|--:|--:|--:|--:|--:|';
  const line = (r: Omit<Row, 'source'> & { source: string }) =>
    `| ${r.activity} | ${r.source} | ${fmt(r.calls)} | ${fmt(r.reads)} | ${fmt(r.writes)} | ${mb(r.egressBytes)} | ${fmt(r.gbs)} |`;
  return [head, ...c.rows.map(line), line({ ...c.total, activity: '**Total**', source: '' })].join('\n');
}

export function peaksTable(c: Capacity): string {
  const head =
    '| Peak | Calls / s | DB requests / s | Function instances | DB connections | Reads that day | Writes that day |\n' +
    '|---|--:|--:|--:|--:|--:|--:|';
  const lines = c.peaks.map(
    (p) =>
      `| ${p.name} | ${fmt(p.callsPerS, 2)} | ${fmt(p.dbPerS, 1)} | ${fmt(p.concurrency, 1)} | ${fmt(p.dbConnections, 1)} | ${fmt(p.readsPerDay)} | ${fmt(p.writesPerDay)} |`,
  );
  return [head, `| an ordinary term day | | | | | ${fmt(c.dayReads)} | ${fmt(c.dayWrites)} |`, ...lines].join('\n');
}

export function plansTable(c: Capacity): string {
  const head =
    '| Plan (to confirm against the current price list) | Calls / month | GB-s / month | Egress GB | DB GB | Connections | Reads / day | Writes / day | Holds the school? |\n' +
    '|---|--:|--:|--:|--:|--:|--:|--:|---|';
  const lines = c.plans.map(
    ({ plan: p, fits, short }) =>
      `| ${p.name} (${p.note}) | ${fmt(p.callsPerMonth)} | ${fmt(p.gbsPerMonth)} | ${fmt(p.egressGbPerMonth)} | ${fmt(p.dbGb)} | ${fmt(p.dbConnections)} | ${fmt(p.readsPerDay)} | ${fmt(p.writesPerDay)} | ${fits ? 'yes' : `no: ${short.join(', ')}`} |`,
  );
  return [head, ...lines].join('\n');
}

export function breaksTable(c: Capacity): string {
  const head = '| Limit | Today | Reached when the school grows × |\n|---|--:|--:|';
  return [head, ...c.breaks.map((b) => `| ${b.what} | ${b.at} | ${fmt(b.growth, 1)} |`)].join('\n');
}

/**
 * The reasons written above each constant of `name` in this file: a run of comment lines applies to the keys that
 * follow it until the next comment. So the document shows the same reasons as the code, never a copy.
 */
export function reasonsOf(source: string, name: string): Record<string, string> {
  const start = source.indexOf(`export const ${name}`);
  if (start < 0) throw new Error(`no constant ${name}`);
  const body = source.slice(start, source.indexOf('\n}', start));
  const out: Record<string, string> = {};
  let reason = '';
  let inComment = false;
  for (const line of body.split('\n').slice(1)) {
    const comment = /^\s*\/\/ ?(.*)$/.exec(line);
    if (comment) {
      reason = inComment ? `${reason} ${comment[1]}` : comment[1];
      inComment = true;
      continue;
    }
    inComment = false;
    const key = /^\s*(\w+):/.exec(line);
    if (key) out[key[1]] = reason;
  }
  return out;
}

const value = (v: unknown) => (typeof v === 'number' ? fmt(v, 2).replace(/\.00$/, '') : String(v));

function constantsTable(title: string, values: object, reasons: Record<string, string>): string {
  let previous = '';
  const lines = Object.entries(values).map(([k, v]) => {
    const reason = reasons[k] ?? '';
    const shown = reason && reason === previous ? '(as above)' : reason;
    previous = reason;
    return `| \`${k}\` | ${value(v)} | ${shown} |`;
  });
  return [`| ${title} | Value | Reason |`, '|---|--:|---|', ...lines].join('\n');
}

function measuredTable(m: Measured, results: Results): string {
  const when = (suite: string) => {
    const r = results[suite];
    return r
      ? `${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load ${r.machine.loadAverage1m} on ${r.machine.cpus} cores`
      : '';
  };
  const rows: [string, string, string][] = [
    ['me.get round trips / reply bytes', `${m.meRoundTrips} / ${fmt(m.meReplyBytes)}`, when('notices')],
    ['notices.list round trips / reply bytes', `${m.listRoundTrips} / ${fmt(m.listReplyBytes)}`, when('notices')],
    ['notices.get round trips / reply bytes', `${m.detailRoundTrips} / ${fmt(m.detailReplyBytes)}`, when('notices')],
    ['votes.checkIn round trips', String(m.voteCheckinRoundTrips), when('votes')],
    ['votes.cast round trips / reply bytes', `${m.castRoundTrips} / ${fmt(m.castReplyBytes)}`, when('votes')],
    [
      'trainings.checkIn round trips / reply bytes',
      `${m.checkinRoundTrips} / ${fmt(m.checkinReplyBytes)}`,
      when('checkin'),
    ],
    ['api bundle cold require (ms)', fmt(m.coldRequireMs, 1), when('foundation')],
  ];
  return ['| Measured figure | Value | Measured |', '|---|--:|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
}

/** The bench figures not used by the model but worth keeping beside it (latencies on this machine). */
function benchFigures(results: Results): string {
  return Object.entries(results)
    .map(([suite, r]) => `- **${suite}** (${r.measuredAt.slice(0, 10)}): \`${JSON.stringify(r.figures)}\``)
    .join('\n');
}

/** The 1,000-person check-in run on this machine, when it was saved (`--save-as=checkin-1000`). */
function checkin1000(results: Results): string {
  const r = results['checkin-1000'];
  if (!r) return '';
  const f = r.figures as Record<string, number>;
  return (
    `Measured here (${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load ${r.machine.loadAverage1m} on ` +
    `${r.machine.cpus} cores, \`BENCH_STUDENTS=1000 npm run bench -- checkin --save-as=checkin-1000\`): ` +
    `${fmt(f.checkins)} students scanning at once (plus second scans) were all checked in ` +
    `(${fmt(f.records)} records, ${fmt(f.duplicates)} duplicates) at ${f.roundTripsPerCheckin} round trips each, ` +
    `the whole burst in ${fmt(f.burstMs / 1000, 1)} s (p95 wait ${fmt(f.p95Ms / 1000, 1)} s). That is every ` +
    'invocation, the function host and the emulator in one process on two loaded cores, with the emulator running ' +
    'transactions one at a time: a ceiling on the wait, not a CloudBase figure.'
  );
}

/**
 * The contention figures measured with transactions conflicting as on CloudBase (`npm run bench -- <suite>
 * --conflicts --save` saves `<suite>-conflicts`), and whether a 1,000-person meeting checks in within a minute
 * with no BUSY answer.
 */
export function contentionSection(results: Results): string {
  const stamp = (r: SavedSuite) =>
    `${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load ${r.machine.loadAverage1m} on ${r.machine.cpus} cores`;
  const rows: string[] = [];
  const line = (r: SavedSuite, what: string, writes: unknown, retries: unknown, busy: unknown, ms: unknown) =>
    rows.push(
      `| ${what} | ${fmt(Number(writes))} | ${fmt(Number(retries), 2)} | ${fmt(Number(busy))} | ${fmt(Number(ms) / 1000, 1)} s | ${stamp(r)} |`,
    );
  const votes = results['votes-conflicts'];
  // The standard meeting, and a larger one when saved (`BENCH_VOTERS=2000 … --save-as=votes-conflicts-2000`).
  for (const r of [votes, results['votes-conflicts-2000']]) {
    if (!r) continue;
    const f = r.figures;
    line(
      r,
      `votes.checkIn: ${fmt(Number(f.voters))} voters, ${f.checkInConcurrency} scanning at a time`,
      f.checkedIn,
      f.checkInRetriesPerWrite,
      f.checkInBusy,
      f.checkInMs,
    );
    line(
      r,
      `votes.cast: every checked-in voter and 100 second ballots, ${typeof f.castConcurrency === 'number' ? `${f.castConcurrency} at a time` : 'all at once'}, into ${fmt(ballotBoxesFor(Number(f.voters)))} ballot boxes`,
      f.counted,
      f.castRetriesPerWrite,
      f.castBusy,
      f.burstMs,
    );
  }
  const checkin = results['checkin-conflicts'];
  if (checkin) {
    const f = checkin.figures;
    line(
      checkin,
      `trainings.checkIn: ${fmt(Number(f.checkins))} trainees at once (one insert, no transaction)`,
      f.checkins,
      f.checkinRetriesPerWrite,
      f.checkinBusy,
      f.burstMs,
    );
  }
  for (const [key, how] of [
    ['audit-conflicts-one-head', 'one audit head (before the chains)'],
    ['audit-conflicts', `${CODE.auditChains} shard chains anchored into the school chain`],
  ] as const) {
    const r = results[key];
    if (!r) continue;
    const f = r.figures;
    line(
      r,
      `audited writes across the school, ${f.concurrency} at a time: ${how}`,
      f.committed,
      f.auditedRetriesPerWrite,
      f.auditedBusy,
      f.burstMs,
    );
  }
  if (rows.length === 0) return 'Not measured yet: `npm run bench -- votes checkin audit --conflicts --save`.';
  const table = [
    '| Benchmark, transactions conflicting | Writes | Retries per write | BUSY answers | Whole burst | Measured |',
    '|---|--:|--:|--:|--:|---|',
    ...rows,
  ].join('\n');
  let meeting =
    'A 1,000-person meeting was not measured in this mode: `BENCH_VOTERS=1000 npm run bench -- votes --conflicts --save`.';
  if (votes && Number(votes.figures.voters) >= 1000) {
    const f = votes.figures as Record<string, number>;
    const ok = f.checkInBusy === 0 && f.checkedIn === f.voters && f.checkInMs <= 60_000;
    meeting =
      `**A ${fmt(f.voters)}-person meeting ${ok ? 'checks in within a minute with no BUSY answer' : 'does not check in within a minute with no BUSY answer'}**: ` +
      `${fmt(f.checkedIn)} of ${fmt(f.voters)} checked in, ${fmt(f.checkInBusy)} BUSY answers, ` +
      `${fmt(f.checkInRetriesPerWrite, 2)} retries per check-in, the whole room in ${fmt(f.checkInMs / 1000, 1)} s ` +
      `(p95 wait ${fmt(f.checkInP95Ms / 1000, 1)} s; ${stamp(votes)}).`;
  }
  return `${table}\n\n${meeting}`;
}

/** What the vote meeting's measurement in conflict mode says of the vote's own documents (counter, ballot boxes). */
export function voteDocuments(results: Results): string {
  const r = results['votes-conflicts'];
  if (!r) return 'The vote meeting has not been measured in conflict mode yet.';
  const f = r.figures as Record<string, number>;
  const out: string[] = [];
  out.push(
    voteCheckinContended(results)
      ? `What remains on one document is the vote: its check-ins wrote one shared document (the vote's \`present\` counter), so the room queued on it (${fmt(f.checkInRetriesPerWrite, 2)} retries per check-in, ${fmt(f.checkInBusy)} BUSY answers). Counting presence from the participation records instead leaves each check-in writing only its own record.`
      : `Vote check-ins write no shared document any more (${fmt(f.checkInRetriesPerWrite, 2)} retries per check-in, ${fmt(f.checkInBusy)} BUSY answers): presence is counted from the participation records.`,
  );
  const boxes = ballotBoxesFor(f.voters);
  if (f.castBusy > 0 || f.castRetriesPerWrite > 0.5) {
    out.push(
      `Casting still contends on the vote's ${fmt(boxes)} ballot boxes (a ballot goes into the box its receipt code names, ${fmt(f.castRetriesPerWrite, 2)} retries per ballot, ${fmt(f.castBusy)} BUSY answers): more boxes would spread it further.`,
    );
  } else {
    out.push(
      `Casting shares only a ballot box, one of the ${fmt(boxes)} a ${fmt(f.voters)}-voter vote opens with (about four voters a box, picked by the receipt code): ${fmt(f.counted)} ballots counted with ${fmt(f.castRetriesPerWrite, 2)} retries per ballot and ${fmt(f.castBusy)} BUSY answers.`,
    );
  }
  return out.join(' ');
}

export function render(results: Results, template: string, school: School = SCHOOL): string {
  const m = measuredFrom(results);
  const c = compute(m, school);
  const source = fs.readFileSync(__filename, 'utf8');
  const GB = 1024 ** 3;
  const values: Record<string, string> = {
    measured: measuredTable(m, results),
    measuredOn: [...new Set(Object.values(results).map((r) => r.measuredAt.slice(0, 10)))].sort().join(', '),
    assumptions: constantsTable('School (`SCHOOL`)', school, reasonsOf(source, 'SCHOOL')),
    cloud: constantsTable('On CloudBase (`CLOUD`)', CLOUD, reasonsOf(source, 'CLOUD')),
    code: constantsTable('From the code (`CODE`)', CODE, reasonsOf(source, 'CODE')),
    monthly: monthlyTable(c),
    activity: activityTable(school),
    activeMonths: String(school.activeMonths),
    peaks: peaksTable(c),
    plans: plansTable(c),
    smallestPlan: c.smallestPlan ?? 'none of the plans listed',
    breaks: breaksTable(c),
    firstBreak: c.breaks[0].what,
    firstBreakWhen:
      c.breaks[0].growth < 1
        ? `reached already at the size assumed here (its headroom is ×${fmt(c.breaks[0].growth, 1)})`
        : `reached when the school's activity grows about ×${fmt(c.breaks[0].growth, 1)}`,
    dbGbYear1: fmt(c.dbBytesYear1 / GB, 2),
    dbGbYear5: fmt(c.dbBytesYear5 / GB, 2),
    auditEntriesPerYear: fmt(c.auditEntriesPerYear),
    totalCalls: fmt(c.total.calls),
    benchFigures: benchFigures(results),
    auditedRt: String(CODE.auditedWriteRoundTrips),
    auditedW: String(CODE.auditedWriteWrites),
    voteCheckinRt: fmt(m.voteCheckinRoundTrips, 0),
    voteCheckinW: String(CODE.voteCheckinWrites),
    schedulerShare: fmt((CODE.schedulerTicksPerMonth / c.total.calls) * 100),
    listKb: fmt(m.listReplyBytes / 1024, 1),
    checkin1000: checkin1000(results),
    contention: contentionSection(results),
    voteDocuments: voteDocuments(results),
    dbRequestMs: String(CLOUD.dbRequestMs),
    invocationOverheadMs: String(CLOUD.invocationOverheadMs),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`capacity template: unknown placeholder {{${key}}}`);
    return values[key];
  });
}

export function readResults(file = RESULTS_FILE): Results {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--results');
  const results = readResults(at >= 0 ? path.resolve(args[at + 1]) : RESULTS_FILE);
  const doc = render(results, fs.readFileSync(TEMPLATE_FILE, 'utf8'));
  if (args.includes('--write')) {
    fs.writeFileSync(DOC_FILE, doc);
    console.error(`wrote ${path.relative(ROOT, DOC_FILE)}`);
  } else {
    const c = compute(measuredFrom(results), SCHOOL);
    console.log(
      [monthlyTable(c), peaksTable(c), plansTable(c), breaksTable(c)].join('\n\n') +
        `\n\nSmallest plan that holds it: ${c.smallestPlan ?? 'none listed'}\n`,
    );
  }
}

if (require.main === module) main();
