/**
 * The rules of the vote process that reach beyond one vote, through the api function: officials are voters and not
 * candidates (F3); nobody records a decision about themselves; the 推优 quota holds across the semester (B3); the
 * activist and 发展对象 decisions are branch votes that need a valid 推优 and a year as activist (A4, A7, B1–B3); one
 * evaluation a year (C1); probation extended once and conversion only when it ends (A19, A20); honors only for 优秀
 * (C3); evaluation grades for the officers only (C2, C4). Every refusal shows its code and that nothing was written.
 */
import type { DecisionView, Input, ResolutionView } from '../../../typings/actions';
import type { Person, PoliticalStatus, Position } from '../../../typings/domain';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, type Member, memberName, screenToken, sh } from './fixtures';

let emu: TestEmulator;
const OFFICER = 'sport_officer';
const PB = 'u_r_pb';
const LB = 'u_r_lb';

/** One person of the test branches, bound to WeChat as openid o_<no>. */
async function addPerson(
  no: string,
  status: PoliticalStatus,
  opts: { since?: string; party?: boolean; league?: boolean; positions?: Position[] } = {},
): Promise<Member> {
  const memberOf = ['u_sport', ...(opts.party ? [PB] : []), ...(opts.league ? [LB] : [])];
  const p: Person = {
    _id: `p_${no}`,
    openid: `o_${no}`,
    name: `成员${no}`,
    studentNo: no,
    collegeId: 'u_sport',
    homePartyBranchId: opts.party ? PB : null,
    homeLeagueBranchId: opts.league ? LB : null,
    status,
    statusHistory: [{ status, since: opts.since ?? '2025-09-01' }],
    memberOf,
    reach: [...memberOf, 'u_party', 'u_league', 'u_school'],
    positions: opts.positions ?? [],
  };
  await emu.server.db.collection('people').insertOne(p);
  return { id: p._id, who: `openid:${p.openid}` };
}

/** What a refusal must leave untouched: the votes, decisions and results collections and the audit trail. */
async function snapshot() {
  const db = emu.server.db;
  return {
    votes: JSON.stringify(await db.collection('votes').find({})),
    decisions: await db.collection('vote_decisions').count(),
    results: await db.collection('vote_results').count(),
    audit: await db.collection('audit').count(),
  };
}

async function refusedWithNothingWritten(who: string, action: string, input: unknown, code: string) {
  const before = await snapshot();
  const full = action === 'votes.create' ? { scheduledStart: sh('2026-11-09 14:00'), ...(input as object) } : input;
  const res = await emu.as(who, action, full);
  expect(errorCode(res)).toBe(code);
  expect(await snapshot()).toEqual(before);
  return res;
}

async function create(input: Record<string, unknown>): Promise<string> {
  return expectOk(
    await emu.as<{ voteId: string }>(OFFICER, 'votes.create', { scheduledStart: sh('2026-11-09 14:00'), ...input }),
  ).voteId;
}

/** Opens with the given officials, checks everyone in, casts `marks(voter)` and closes. */
async function run(
  voteId: string,
  officials: [string, string],
  voters: Member[],
  marks: (v: Member, i: number) => { candidateId: string; choice: string }[],
): Promise<ResolutionView> {
  expectOk(
    await emu.as(OFFICER, 'votes.open', {
      voteId,
      scrutineerIds: [officials[0]],
      tellerIds: [officials[1]],
    }),
  );
  const token = await screenToken(emu, OFFICER, voteId);
  for (const v of voters) expectOk(await emu.as(v.who, 'votes.checkIn', { voteId, token }));
  for (const [i, v] of voters.entries()) expectOk(await emu.as(v.who, 'votes.cast', { voteId, marks: marks(v, i) }));
  return expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.close', { voteId }));
}

const yes = (...ids: string[]) => ids.map((candidateId) => ({ candidateId, choice: 'yes' }));

let formal: Member[];
let league: Member[];
let x: Member; // activist, League member, will be recommended
let y: Member; // activist, League member, over the semester's quota
let z: Member; // activist for less than a year
let sec: Member; // the League branch secretary, an activist and a 推优 candidate
let prob: Member; // probationary since 2025-09-01: probation ended 2026-09-01
let recent: Member; // probationary since 2026-03-01

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-09 14:00'));
  const pb = await addUnit(emu, PB, 'party_branch', 'u_sport');
  const lb = await addUnit(emu, LB, 'league_branch', 'u_sport');
  formal = await addMembers(emu, pb, 5, 'RF', 'full_member');
  league = await addMembers(emu, lb, 8, 'RL', 'league_member');
  x = await addPerson('RX01', 'activist', { party: true, league: true });
  y = await addPerson('RY01', 'activist', { party: true, league: true });
  z = await addPerson('RZ01', 'activist', { party: true, league: true, since: '2026-01-01' });
  sec = await addPerson('RS01', 'activist', {
    party: true,
    league: true,
    positions: [
      {
        id: 'pos_r_sec',
        role: 'branch_secretary',
        unitId: LB,
        unitScope: [LB, ...lb.ancestors],
        start: '2026-01-01',
        end: null,
      },
    ],
  });
  prob = await addPerson('RP01', 'probationary_member', { party: true });
  recent = await addPerson('RP02', 'probationary_member', { party: true, since: '2026-03-01' });
});
afterAll(() => emu.close());

describe('推优, its officials, its decision and its semester quota (F3, B3, B4)', () => {
  let first: string;
  const voters = () => [...league, x, y, z, sec];

  it('refuses a candidate as 监票人: OFFICIAL_IS_CANDIDATE, nothing written', async () => {
    first = await create({
      unitId: LB,
      kind: 'tuiyou',
      title: '2026年秋季推优（第一批）',
      candidateIds: [x.id, sec.id],
      tuiyouTarget: 'development_candidate',
    });
    await refusedWithNothingWritten(
      OFFICER,
      'votes.open',
      { voteId: first, scrutineerIds: [sec.id], tellerIds: [league[1].id] },
      'OFFICIAL_IS_CANDIDATE',
    );
  });

  it('refuses a 计票人 who is not a voter of the meeting: OFFICIAL_NOT_VOTER, nothing written', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.open',
      { voteId: first, scrutineerIds: [league[0].id], tellerIds: [formal[0].id] },
      'OFFICIAL_NOT_VOTER',
    );
  });

  it('refuses the secretary who stood as a candidate recording the 推优 decision: SELF_DECISION, nothing written', async () => {
    const r = await run(first, [league[0].id, league[1].id], voters(), () => yes(x.id, sec.id));
    expect(r.lines.map((l) => l.outcome)).toEqual(['passed', 'passed']);
    await refusedWithNothingWritten(
      sec.who,
      'votes.recordDecision',
      {
        voteId: first,
        decidedOn: '2026-11-09',
        minutesRef: '团支委会〔2026〕8号',
        decision: { type: 'tuiyou', recommended: [x.id, sec.id], declined: [] },
      },
      'SELF_DECISION',
    );
    // The college officer above the branch records it: two of twelve League members (20%).
    expectOk(
      await emu.as<DecisionView>(OFFICER, 'votes.recordDecision', {
        voteId: first,
        decidedOn: '2026-11-09',
        minutesRef: '团支委会〔2026〕8号',
        decision: { type: 'tuiyou', recommended: [x.id, sec.id], declined: [] },
      }),
    );
  });

  it('counts the first vote’s two against a second 推优 of the same semester: QUOTA_EXCEEDED, nothing written', async () => {
    const second = await create({
      unitId: LB,
      kind: 'tuiyou',
      title: '2026年秋季推优（第二批）',
      candidateIds: [y.id],
      tuiyouTarget: 'development_candidate',
    });
    await run(second, [league[0].id, league[1].id], voters(), () => yes(y.id));
    const res = await refusedWithNothingWritten(
      OFFICER,
      'votes.recordDecision',
      {
        voteId: second,
        decidedOn: '2026-11-10',
        minutesRef: '团支委会〔2026〕9号',
        decision: { type: 'tuiyou', recommended: [y.id], declined: [] },
      },
      'QUOTA_EXCEEDED',
    );
    expect(res.ok ? '' : res.error.message).toBe('2026年秋季学期推荐人数合计不超过 2 名');
  });
});

describe('确定发展对象 by branch vote (A7, B1–B3)', () => {
  it('refuses a League member without a valid 推优: TUIYOU_REQUIRED, nothing written', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      {
        unitId: PB,
        kind: 'development_candidate_determination',
        title: '确定发展对象',
        scheduledStart: sh('2026-11-12 14:00'),
        candidateIds: [y.id],
      },
      'TUIYOU_REQUIRED',
    );
  });

  it('refuses an activist of less than a year: ACTIVIST_TOO_RECENT, nothing written', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      {
        unitId: PB,
        kind: 'development_candidate_determination',
        title: '确定发展对象',
        scheduledStart: sh('2026-11-12 14:00'),
        candidateIds: [z.id],
      },
      'ACTIVIST_TOO_RECENT',
    );
  });

  it('refuses it once the recommendation is more than two years old: TUIYOU_REQUIRED', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      {
        unitId: PB,
        kind: 'development_candidate_determination',
        title: '确定发展对象',
        scheduledStart: sh('2028-11-10 14:00'),
        candidateIds: [x.id],
      },
      'TUIYOU_REQUIRED',
    );
  });

  it('holds the vote among the formal members by secret ballot and drafts the 公示 of those it passed', async () => {
    const voteId = await create({
      unitId: PB,
      kind: 'development_candidate_determination',
      title: '确定发展对象',
      scheduledStart: sh('2026-11-12 14:00'),
      candidateIds: [x.id],
    });
    const r = await run(voteId, [formal[0].id, formal[1].id], formal, (_, i) => (i < 3 ? yes(x.id) : []));
    expect(r).toMatchObject({ kindLabel: '确定发展对象', method: '无记名投票', expected: 5, present: 5 });
    expect(r.lines[0]).toMatchObject({ candidateId: x.id, yes: 3, outcome: 'passed' });
    const draft = expectOk(await emu.as<Input<'notices.create'>>(OFFICER, 'votes.noticeDraft', { voteId }));
    expect(draft).toMatchObject({ unitId: PB, kind: 'development_candidate', subjects: [{ personId: x.id }] });
    expect(draft.body).toContain('确定为发展对象');
    expect(draft.window).toMatchObject({ length: 5, unit: 'workday' });
    // E2: once the party committee sets a stricter minimum for this step, the draft proposes it.
    expectOk(
      await emu.as('party_admin', 'notices.setWindowSettings', {
        kind: 'development_candidate',
        minimum: { length: 7, unit: 'workday' },
      }),
    );
    const stricter = expectOk(await emu.as<Input<'notices.create'>>(OFFICER, 'votes.noticeDraft', { voteId }));
    expect(stricter.window).toMatchObject({ length: 7, unit: 'workday' });
  });

  it('refuses named voting on it: SECRET_BALLOT_REQUIRED', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      {
        unitId: PB,
        kind: 'activist_determination',
        title: '确定入党积极分子',
        candidateIds: [],
        secret: false,
      },
      'SECRET_BALLOT_REQUIRED',
    );
  });
});

describe('probation: conversion when it ends, extension once (A19, A20)', () => {
  it('refuses converting a member whose year of probation has not ended: PROBATION_NOT_ENDED, nothing written', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      { unitId: PB, kind: 'conversion', title: '预备党员转正', candidateIds: [recent.id] },
      'PROBATION_NOT_ENDED',
    );
  });

  it('extends once, then refuses a second extension and a conversion before the extension ends', async () => {
    const voteId = await create({
      unitId: PB,
      kind: 'extension',
      title: '延长预备期',
      candidateIds: [prob.id],
      extensionMonths: 6,
    });
    const r = await run(voteId, [formal[0].id, formal[1].id], formal, () => yes(prob.id));
    expect(r.lines[0].outcome).toBe('passed');
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      { unitId: PB, kind: 'extension', title: '再次延长预备期', candidateIds: [prob.id], extensionMonths: 6 },
      'EXTENSION_ALREADY_USED',
    );
    // Accepted 2025-09-01: one year plus six months ends on 2027-03-01.
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      {
        unitId: PB,
        kind: 'conversion',
        title: '预备党员转正',
        scheduledStart: sh('2027-02-28 14:00'),
        candidateIds: [prob.id],
      },
      'PROBATION_NOT_ENDED',
    );
    await create({
      unitId: PB,
      kind: 'conversion',
      title: '预备党员转正',
      scheduledStart: sh('2027-03-01 14:00'),
      candidateIds: [prob.id],
    });
  });

  it('refuses an extension length outside 6 to 12 months: BAD_INPUT', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      { unitId: PB, kind: 'extension', title: '延长预备期', candidateIds: [recent.id], extensionMonths: 3 },
      'BAD_INPUT',
    );
  });
});

describe('评优 only for those graded 优秀 (C3)', () => {
  it('refuses candidates not graded 优秀 this year: NOT_GRADED_EXCELLENT, nothing written', async () => {
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      { unitId: LB, kind: 'honor', title: '优秀团员评选', candidateIds: [league[2].id, league[3].id], seats: 1 },
      'NOT_GRADED_EXCELLENT',
    );
  });
});

describe('民主评议党员: once a year, and grades for the officers only (C1, C2)', () => {
  let voteId: string;

  it('refuses a second evaluation of the branch in the same year: EVALUATION_ALREADY_HELD, nothing written', async () => {
    const planned = await create({
      unitId: PB,
      kind: 'party_evaluation',
      title: '2026年度民主评议党员',
      scheduledStart: sh('2026-12-01 14:00'),
    });
    await refusedWithNothingWritten(
      OFFICER,
      'votes.create',
      { unitId: PB, kind: 'party_evaluation', title: '再评一次', scheduledStart: sh('2026-12-20 14:00') },
      'EVALUATION_ALREADY_HELD',
    );
    // A draft withdrawn before the meeting frees the year.
    expectOk(await emu.as(OFFICER, 'votes.cancel', { voteId: planned, reason: '会议改期' }));
    voteId = await create({
      unitId: PB,
      kind: 'party_evaluation',
      title: '2026年度民主评议党员',
      scheduledStart: sh('2026-12-20 14:00'),
    });
  });

  it('opens only one of two evaluations of a year that raced past votes.create: EVALUATION_ALREADY_HELD', async () => {
    const unit = await addUnit(emu, 'u_r_pb2', 'party_branch', 'u_sport');
    const members = await addMembers(emu, unit, 4, 'RR', 'full_member');
    const first = await create({ unitId: unit._id, kind: 'party_evaluation', title: '2026年度民主评议党员' });
    // The rival draft as a second create at the same moment would have stored it.
    const stored = await emu.server.db.collection('votes').findOne({ _id: first });
    await emu.server.db.collection('votes').insertOne({ ...stored, _id: `${first}_rival` });
    await refusedWithNothingWritten(
      OFFICER,
      'votes.open',
      { voteId: first, scrutineerIds: [members[0].id], tellerIds: [members[1].id] },
      'EVALUATION_ALREADY_HELD',
    );
  });

  it('lets probationary members rate without counting them in 应到 or 实到', async () => {
    const subjects = formal.map((m) => m.id);
    const raters = [...formal.slice(0, 3), prob, recent];
    const r = await run(voteId, [formal[0].id, formal[1].id], raters, () =>
      subjects.map((candidateId, k) => ({ candidateId, choice: k === 0 ? 'excellent' : 'qualified' })),
    );
    // 3 of 5 formal members present: quorate (3·2 > 5), the two probationary raters aside.
    expect(r).toMatchObject({ expected: 5, present: 3, ratersWithoutVote: 2, ballotsIssued: 5, outcome: 'counted' });
    expectOk(
      await emu.as(OFFICER, 'votes.recordDecision', {
        voteId,
        decidedOn: '2026-12-21',
        minutesRef: '党支委会〔2026〕12号',
        decision: {
          type: 'grades',
          grades: subjects.map((personId, k) => ({ personId, grade: k === 0 ? 'excellent' : 'qualified' })),
        },
      }),
    );
  });

  it('shows a rater their own grade and the 优秀 list, never the others’ grades or ratings', async () => {
    const r = expectOk(await emu.as<ResolutionView>(formal[2].who, 'votes.resolution', { voteId }));
    expect(r.gradesRestricted).toBe(true);
    expect(r.lines).toEqual([]);
    expect(r.myGrade).toEqual({ grade: 'qualified', gradeLabel: '合格' });
    expect(r.decision?.grades).toEqual([
      { id: formal[0].id, name: memberName('RF0001'), grade: 'excellent', gradeLabel: '优秀' },
    ]);
    const top = expectOk(await emu.as<ResolutionView>(formal[0].who, 'votes.resolution', { voteId }));
    expect(top.myGrade).toEqual({ grade: 'excellent', gradeLabel: '优秀' });
    const rater = expectOk(await emu.as<ResolutionView>(prob.who, 'votes.resolution', { voteId }));
    expect(rater).toMatchObject({ gradesRestricted: true, lines: [], myGrade: null });
  });

  it('shows the officer above the branch every grade and every rating spread', async () => {
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.resolution', { voteId }));
    expect(r.gradesRestricted).toBe(false);
    expect(r.lines).toHaveLength(5);
    expect(r.lines[0].grades).toEqual({ excellent: 5, qualified: 0, basically_qualified: 0, unqualified: 0 });
    expect(r.decision?.grades).toHaveLength(5);
  });
});
