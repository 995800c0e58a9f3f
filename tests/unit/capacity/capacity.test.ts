import fs from 'node:fs';
import path from 'node:path';
import {
  CLOUD,
  CODE,
  compute,
  contentionSection,
  DOC_FILE,
  type Measured,
  measuredFrom,
  type Plan,
  readResults,
  reasonsOf,
  render,
  SCHOOL,
  type School,
  TEMPLATE_FILE,
  voteDocuments,
} from '../../../scripts/capacity';
import { AUDIT_CHAINS } from '../../../server/store';

/** The committed figures minus any conflict-mode run: what `measuredFrom` needs besides. */
const committed = () => {
  const { 'votes-conflicts': _, ...rest } = readResults();
  return rest;
};

/** Ten students, one active month, round numbers: every figure below is worked out by hand. */
const tiny: School = {
  students: 10,
  branches: 1,
  boundShare: 1,
  opensPerMonth: 2, // 20 opens
  mePerOpen: 1, // 20 me.get
  detailsPerOpen: 0.5, // 10 detail reads
  activeMonths: 1,
  noticesPerYear: 1,
  writesPerNotice: 2, // 2 audited writes
  objectionsPerNotice: 0,
  votesPerYear: 1,
  votersPerVote: 10, // 10 check-ins, 10 casts
  writesPerVote: 0,
  evaluatedPerYear: 0,
  trainingCheckinsPerYear: 10,
  traineesPerYear: 0,
  evaluationWeekPeople: 5,
  evaluationWeekDays: 5,
  evaluationMeetingsAtOnce: 1,
  evaluationMeetingSize: 5,
  evaluationSubmitWindowS: 10, // 0.5 audited writes a second
  peakCheckinPeople: 10,
  peakCheckinWindowS: 5, // 2 scans a second
  voteMeetingPeople: 10,
  voteMeetingWindowS: 5, // 2 vote check-ins a second
};

const measured: Measured = {
  meRoundTrips: 1,
  meReplyBytes: 100,
  voteCheckinRoundTrips: 10,
  listRoundTrips: 2,
  listReplyBytes: 1000,
  detailRoundTrips: 3,
  detailReplyBytes: 500,
  castRoundTrips: 6,
  castReplyBytes: 100,
  checkinRoundTrips: 3,
  checkinReplyBytes: 50,
  coldRequireMs: 400,
};

const roomy: Plan = {
  name: 'roomy',
  callsPerMonth: 1e9,
  gbsPerMonth: 1e9,
  egressGbPerMonth: 1e9,
  dbGb: 1e9,
  dbConnections: 1e9,
  readsPerDay: 1e9,
  writesPerDay: 1e9,
  note: '',
};

describe('capacity on paper', () => {
  const c = compute(measured, tiny, [{ ...roomy, name: 'tight', callsPerMonth: 100 }, roomy]);
  const byName = (activity: string) => c.rows.find((r) => r.activity === activity)!;

  it('prices each open at one list call, its reads and its reply', () => {
    expect(byName('me.get (首页)')).toMatchObject({ calls: 20, reads: 20, writes: 0, egressBytes: 2_000 });
    const list = byName('notices.list (each open)');
    expect(list).toMatchObject({ calls: 20, reads: 40, writes: 0, egressBytes: 20_000 });
    expect(byName('notices.get')).toMatchObject({ calls: 10, reads: 30, writes: 0, egressBytes: 5_000 });
  });

  it('counts a cast and a check-in as their measured round trips, the writes read from the code', () => {
    expect(byName('votes.cast')).toMatchObject({ calls: 10, reads: 40, writes: 20, egressBytes: 1_000 });
    // A vote check-in is one insert of the participation record: no counter, no audit entry.
    expect(CODE.voteCheckinWrites).toBe(1);
    expect(byName('votes.checkIn')).toMatchObject({ calls: 10, reads: 10 * 9, writes: 10 });
    expect(byName('votes.checkIn').storedBytesPerYear).toBe(10 * CLOUD.participationBytes);
    expect(byName('trainings.checkIn')).toMatchObject({ calls: 10, reads: 20, writes: 10 });
  });

  it('prices the ballot boxes a vote opens with: one insert each, read back at the count', () => {
    const boxes = c.rows.find((r) => r.activity.startsWith('ballot boxes'))!;
    // Ten voters: the 32 boxes of a small vote, one vote a year in one active month, one read of them at the count.
    expect(boxes).toMatchObject({ calls: 0, writes: 32, reads: 1, storedBytesPerYear: 32 * CLOUD.ballotBoxBytes });
    const congress = compute(measured, { ...tiny, votersPerVote: 1000 });
    expect(congress.rows.find((r) => r.activity.startsWith('ballot boxes'))).toMatchObject({ writes: 256, reads: 3 });
  });

  it('adds an anchor entry after every vote close, 公示 filing and daily verification', () => {
    const anchors = c.rows.find((r) => r.activity.startsWith('audit anchors'))!;
    const perYear = 1 + 1 + CODE.verificationsPerYear;
    expect(anchors).toMatchObject({
      calls: 0,
      writes: perYear * CODE.anchorWrites,
      reads: perYear * (CODE.anchorRoundTrips - CODE.anchorWrites),
      storedBytesPerYear: perYear * CLOUD.anchorEntryBytes,
    });
    const busier = compute(measured, { ...tiny, votesPerYear: 11, noticesPerYear: 21 });
    expect(busier.rows.find((r) => r.activity.startsWith('audit anchors'))!.writes).toBe(
      (11 + 21 + CODE.verificationsPerYear) * CODE.anchorWrites,
    );
  });

  it('prices an audited write from the code: its round trips and three writes', () => {
    const notices = byName('notice lifecycle');
    expect(notices.calls).toBe(2);
    expect(notices.writes).toBe(2 * CODE.auditedWriteWrites);
    expect(notices.reads).toBe(2 * (CODE.auditedWriteRoundTrips - CODE.auditedWriteWrites));
  });

  it('adds the scheduler every minute whatever the school does', () => {
    const scheduler = c.rows.find((r) => r.activity.startsWith('scheduler'))!;
    expect(scheduler.calls).toBe(43_200);
    // Two notice writes chained a year, and the anchors (a close, a filing, every verification); check-ins are not.
    const entries = 2 + 1 + 1 + CODE.verificationsPerYear;
    expect(c.auditEntriesPerYear).toBe(entries);
    expect(compute(measured, { ...tiny, votersPerVote: 500 }).auditEntriesPerYear).toBe(entries);
    expect(scheduler.reads).toBe(43_200 * CODE.schedulerReadsPerTick + 30 * Math.ceil(entries / 100));
    expect(c.total.calls).toBe(20 + 20 + 10 + 2 + 10 + 10 + 10 + 43_200);
  });

  it('finds the peaks from the arrival rate and the round trips', () => {
    const [evaluation, checkin, voteMeeting] = c.peaks;
    expect(voteMeeting.dbPerS).toBeCloseTo(20);
    expect(evaluation.callsPerS).toBeCloseTo(0.5);
    expect(evaluation.dbPerS).toBeCloseTo(0.5 * CODE.auditedWriteRoundTrips);
    expect(checkin.callsPerS).toBeCloseTo(2);
    expect(checkin.dbPerS).toBeCloseTo(6);
    // Instances busy = rate × (overhead + 3 requests).
    expect(checkin.concurrency).toBeCloseTo((2 * (CLOUD.invocationOverheadMs + 3 * CLOUD.dbRequestMs)) / 1000);
    // The peak day: an ordinary day plus the room's scans (2 reads and 1 write each).
    expect(checkin.readsPerDay).toBeCloseTo(c.dayReads + 20);
    expect(checkin.writesPerDay).toBeCloseTo(c.dayWrites + 10);
    // The vote meeting's room: 10 requests a check-in, one of them its insert.
    expect(voteMeeting.writesPerDay).toBeCloseTo(c.dayWrites + 10);
    expect(voteMeeting.readsPerDay).toBeCloseTo(c.dayReads + 90);
  });

  it('names the smallest plan that holds the school and what the others lack', () => {
    expect(c.plans[0]).toMatchObject({ fits: false, short: ['calls'] });
    expect(c.smallestPlan).toBe('roomy');
  });

  it('orders the limits by the growth at which each is reached', () => {
    const growth = c.breaks.map((b) => b.growth);
    expect(growth).toEqual([...growth].sort((a, b) => a - b));
    // Unmeasured in conflict mode, the vote check-in (2/s, 10 requests) is taken to contend on the vote's document.
    const vote = c.breaks.find((b) => b.what.includes("the vote's own document"))!;
    expect(vote.what).toContain('vote meeting');
    const limit = 0.5 / ((10 * CLOUD.dbRequestMs) / 1000);
    expect(vote.growth).toBeCloseTo(limit / 2);
    // The evaluation's audited writes (0.5/s, 8 requests) spread over the shard chains.
    const chains = c.breaks.find((b) => b.what.startsWith('the audit chains'))!;
    expect(chains.growth).toBeCloseTo((CODE.auditChains * 0.5) / ((8 * CLOUD.dbRequestMs) / 1000) / 0.5);
    // Casting at the meeting (2/s, 6 requests each) spread over the 32 boxes of a 10-person vote.
    const boxes = c.breaks.find((b) => b.what.startsWith('the ballot boxes'))!;
    expect(boxes.what).toContain('32 boxes');
    expect(boxes.growth).toBeCloseTo((32 * 0.5) / ((6 * CLOUD.dbRequestMs) / 1000) / 2);
  });

  it("drops the vote's document once check-ins measured in conflict mode no longer contend on it", () => {
    const quiet = compute({ ...measured, voteCheckinContended: false }, tiny);
    expect(quiet.breaks.some((b) => b.what.includes("the vote's own document"))).toBe(false);
  });
});

describe('the contention section', () => {
  const saved = (figures: Record<string, unknown>) => ({
    measuredAt: '2026-12-07T00:00:00.000Z',
    machine: { cpus: 2, loadAverage1m: 9, node: 'v20' },
    figures,
  });
  const meeting = (over: Record<string, number>) =>
    saved({
      voters: 1000,
      checkedIn: 1000,
      checkInConcurrency: 50,
      checkInMs: 40_000,
      checkInP95Ms: 3000,
      checkInRetriesPerWrite: 0.02,
      checkInBusy: 0,
      counted: 1000,
      castRetriesPerWrite: 0.5,
      castBusy: 0,
      burstMs: 9000,
      ...over,
    });

  it('says a 1,000-person meeting checks in within a minute only with every voter in and no BUSY answer', () => {
    expect(contentionSection({ 'votes-conflicts': meeting({}) })).toContain(
      'checks in within a minute with no BUSY answer',
    );
    expect(contentionSection({ 'votes-conflicts': meeting({ checkInBusy: 3, checkedIn: 997 }) })).toContain(
      'does not check in within a minute',
    );
    expect(contentionSection({ 'votes-conflicts': meeting({ checkInMs: 61_000 }) })).toContain('does not check in');
  });

  it('says which of the vote’s documents are still contended, from the measured figures', () => {
    expect(voteDocuments({ 'votes-conflicts': meeting({ checkInRetriesPerWrite: 40, checkInBusy: 800 }) })).toContain(
      'What remains on one document is the vote',
    );
    const quiet = voteDocuments({ 'votes-conflicts': meeting({}) });
    expect(quiet).toContain('no shared document');
    expect(quiet).not.toContain('still contends');
    // 1,000 voters: 256 boxes, named with the figures measured.
    expect(quiet).toContain('one of the 256 a 1,000-voter vote opens with');
    expect(quiet).toContain('0.50 retries per ballot and 0 BUSY answers');
    expect(voteDocuments({ 'votes-conflicts': meeting({ castBusy: 20 }) })).toContain(
      "still contends on the vote's 256 ballot boxes",
    );
  });

  it('reads whether check-ins contend from the measured figures', () => {
    expect(measuredFrom({ ...committed(), 'votes-conflicts': meeting({}) }).voteCheckinContended).toBe(false);
    expect(
      measuredFrom({ ...committed(), 'votes-conflicts': meeting({ checkInRetriesPerWrite: 5 }) }).voteCheckinContended,
    ).toBe(true);
  });
});

describe('the audit chains', () => {
  it('are as many in the model as in the store', () => {
    expect(CODE.auditChains).toBe(AUDIT_CHAINS);
  });
});

describe('the constants taken from the code', () => {
  const config = (fn: string) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, `../../../cloudfunctions/${fn}/config.json`), 'utf8'));

  it("match the functions' timeouts and the scheduler ticking every minute", () => {
    expect(config('api').timeout).toBe(CLOUD.apiTimeoutS);
    expect(config('scheduler').timeout).toBe(CLOUD.schedulerTimeoutS);
    // Seconds, minutes, …: second 0 of every minute.
    expect(config('scheduler').triggers[0].config).toBe('0 * * * * * *');
    expect(CODE.schedulerTicksPerMonth).toBe(30 * 24 * 60);
  });
});

describe('every assumption', () => {
  const source = fs.readFileSync(path.join(__dirname, '../../../scripts/capacity.ts'), 'utf8');

  it.each([
    ['SCHOOL', SCHOOL],
    ['CLOUD', CLOUD],
    ['CODE', CODE],
  ] as const)('of %s states its reason', (name, values) => {
    const reasons = reasonsOf(source, name);
    for (const key of Object.keys(values)) expect([key, reasons[key]?.length > 10]).toEqual([key, true]);
  });
});

describe('docs/capacity.md', () => {
  it('is what the script produces from the committed figures (run `npm run capacity -- --write`)', () => {
    const expected = render(readResults(), fs.readFileSync(TEMPLATE_FILE, 'utf8'));
    expect(fs.readFileSync(DOC_FILE, 'utf8')).toBe(expected);
  });
});
