/**
 * Synthetic branches and members for the votes tests: the demo branches are small, so a scenario that needs
 * 11 or 200 voters inserts them straight into the emulator's store (the direct API), bound to openids.
 */

import type { ResolutionView } from '../../../typings/actions';
import type { Person, PoliticalStatus, Unit, UnitKind } from '../../../typings/domain';
import { expectOk, type TestEmulator } from '../support';

/** '2026-10-10 14:00' → '2026-10-10T14:00:00+08:00' (Shanghai wall time). */
export function sh(wall: string): string {
  const [date, time = '00:00'] = wall.split(' ');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** A new unit under `parentId` (its ancestors follow the parent's). */
export async function addUnit(emu: TestEmulator, id: string, kind: UnitKind, parentId: string): Promise<Unit> {
  const parent = (await emu.server.db.collection('units').findOne({ _id: parentId })) as unknown as Unit;
  const unit: Unit = {
    _id: id,
    kind,
    name: `测试${id}`,
    parentId,
    alsoUnder: [],
    ancestors: [parentId, ...parent.ancestors],
  };
  await emu.server.db.collection('units').insertOne(unit);
  return unit;
}

/**
 * A member's name from their student number, letters only (names never hold digits: a name such as 成员A0001 would
 * not pass the name rule when a vote's result becomes a 公示 naming them): 成员A零零零一.
 */
export function memberName(no: string): string {
  return `成员${no.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)])}`;
}

export interface Member {
  id: string;
  /** For emu.as(): "openid:<openid>". */
  who: string;
}

/**
 * `n` people who belong to `unit`: party members have it as their home party branch, League members as their home
 * League branch. Student numbers are `<tag><index>`, so tags must differ between calls.
 */
export async function addMembers(
  emu: TestEmulator,
  unit: Unit,
  n: number,
  tag: string,
  status: PoliticalStatus,
  opts: { league?: boolean } = {},
): Promise<Member[]> {
  const college = unit.ancestors.find((a) => a === 'u_sport' || a === 'u_info') ?? 'u_sport';
  const isParty = unit.kind === 'party_branch' || unit.kind === 'temp_party_branch';
  const league = opts.league ?? !isParty;
  const people: Person[] = Array.from({ length: n }, (_, i) => {
    const no = `${tag}${String(i + 1).padStart(4, '0')}`;
    return {
      _id: `p_${no}`,
      openid: `o_${no}`,
      name: memberName(no),
      studentNo: no,
      collegeId: college,
      homePartyBranchId: unit.kind === 'party_branch' ? unit._id : null,
      homeLeagueBranchId: league ? (unit.kind === 'league_branch' ? unit._id : 'u_sport_lb1') : null,
      status,
      statusHistory: [{ status, since: '2025-09-01' }],
      memberOf: [college, unit._id],
      reach: [college, unit._id, ...unit.ancestors],
      positions: [],
    };
  });
  await emu.server.db.collection('people').insertMany(people);
  return people.map((p) => ({ id: p._id, who: `openid:${p.openid}` }));
}

/** The code the meeting screen shows now (votes.checkInToken, as the vote's manager's presence page fetches it). */
export async function screenToken(emu: TestEmulator, manager: string, voteId: string): Promise<string> {
  return expectOk(await emu.as<{ token: string }>(manager, 'votes.checkInToken', { voteId })).token;
}

/** Each of `who` scans the meeting screen's code (fetched by `manager`) and checks in. */
export async function scanIn(emu: TestEmulator, manager: string, voteId: string, who: string[]): Promise<void> {
  const token = await screenToken(emu, manager, voteId);
  for (const w of who) expectOk(await emu.as(w, 'votes.checkIn', { voteId, token }));
}

/** Opens a vote and checks every given member in by scanning the meeting screen's code. */
export async function openAndCheckIn(
  emu: TestEmulator,
  manager: string,
  voteId: string,
  officials: { scrutineer: string; teller: string },
  present: Member[],
): Promise<void> {
  expectOk(
    await emu.as(manager, 'votes.open', {
      voteId,
      scrutineerIds: [officials.scrutineer],
      tellerIds: [officials.teller],
    }),
  );
  await scanIn(
    emu,
    manager,
    voteId,
    present.map((m) => m.who),
  );
}

export function lineOf(r: ResolutionView, candidateId: string) {
  const line = r.lines.find((l) => l.candidateId === candidateId);
  if (!line) throw new Error(`no line for ${candidateId}`);
  return line;
}

/** What the store holds for a vote, straight from the emulator (no api). */
export async function stored(emu: TestEmulator, voteId: string) {
  const db = emu.server.db;
  const boxes = (await db.collection('ballots').find({ voteId })) as {
    _id: string;
    box: number;
    ballots: Record<string, unknown>[];
  }[];
  return {
    boxes,
    ballots: boxes.flatMap((b) => b.ballots),
    participation: (await db.collection('vote_participation').find({ voteId })) as Record<string, unknown>[],
    audit: await db.collection('audit').count(),
    vote: (await db.collection('votes').findOne({ _id: voteId })) as Record<string, unknown>,
  };
}

/**
 * An evaluation already held and graded: a closed, counted vote of `kind` in `unitId` with the committee's grades
 * recorded on `decidedOn`, written straight into the store (the evaluation flow itself is tested elsewhere).
 */
export async function seedGrades(
  emu: TestEmulator,
  unitId: string,
  kind: 'party_evaluation' | 'league_evaluation',
  decidedOn: string,
  grades: { personId: string; grade: 'excellent' | 'qualified' | 'basically_qualified' | 'unqualified' }[],
): Promise<string> {
  const voteId = `v_seed_${kind}_${unitId}_${decidedOn}`;
  await emu.server.db.collection('votes').insertOne({
    _id: voteId,
    unitId,
    kind,
    state: 'closed',
    outcome: 'counted',
    scheduledStart: `${decidedOn}T14:00:00+08:00`,
    title: '往期评议',
    candidates: [],
  });
  await emu.server.db.collection('vote_decisions').insertOne({
    _id: `d_${voteId}`,
    voteId,
    decidedOn,
    minutesRef: '往期',
    recordedBy: 'p_seed',
    recordedByName: '往期',
    recordedAt: `${decidedOn}T16:00:00+08:00`,
    decision: { type: 'grades', grades },
  });
  return voteId;
}
