/** Trainees and programs for the trainings tests, and a snapshot of everything the trainings actions write. */
import type { Person, PoliticalStatus } from '../../../typings/domain';
import { expectOk, type TestEmulator } from '../support';

/** '2026-10-10 14:00' → '2026-10-10T14:00:00+08:00' (Shanghai wall time). */
export function sh(wall: string): string {
  const [date, time = '00:00'] = wall.split(' ');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

export interface Trainee {
  id: string;
  openid: string;
  /** For emu.as(): "openid:<openid>". */
  who: string;
}

/** `n` students of 体育学院 (members of u_sport and its party branch), bound to openids. */
export async function addTrainees(
  emu: TestEmulator,
  n: number,
  tag: string,
  status: PoliticalStatus,
): Promise<Trainee[]> {
  const sport = (await emu.server.db.collection('units').findOne({ _id: 'u_sport' })) as unknown as {
    ancestors: string[];
  };
  const people: Person[] = Array.from({ length: n }, (_, i) => {
    const no = `${tag}${String(i + 1).padStart(4, '0')}`;
    return {
      _id: `p_${no}`,
      openid: `o_${no}`,
      name: `学员${no}`,
      studentNo: no,
      collegeId: 'u_sport',
      homePartyBranchId: null,
      homeLeagueBranchId: null,
      status,
      statusHistory: [{ status, since: '2025-09-01' }],
      memberOf: ['u_sport'],
      reach: ['u_sport', ...sport.ancestors],
      positions: [],
    };
  });
  await emu.server.db.collection('people').insertMany(people);
  return people.map((p) => ({ id: p._id, openid: p.openid!, who: `openid:${p.openid}` }));
}

export interface ProgramInput {
  unitId?: string;
  title?: string;
  level?: string;
  category?: string;
  capacity?: number;
  waitlistLimit?: number;
  admission?: 'open' | 'invite' | 'review';
  inviteeIds?: string[];
  hoursMode?: 'session' | 'measured';
}

export async function createProgram(emu: TestEmulator, officer: string, input: ProgramInput = {}): Promise<string> {
  return expectOk(
    await emu.as<{ programId: string }>(officer, 'trainings.createProgram', {
      unitId: 'u_sport',
      title: '发展对象集中培训',
      level: 'development_candidate',
      category: 'political',
      term: '2026-2027-1',
      capacity: 50,
      admission: 'open',
      ...input,
    }),
  ).programId;
}

export async function addSession(
  emu: TestEmulator,
  officer: string,
  programId: string,
  start: string,
  end: string,
  hours: number,
  trainerId?: string,
): Promise<string> {
  return expectOk(
    await emu.as<{ sessionId: string }>(officer, 'trainings.addSession', {
      programId,
      title: `第${start.slice(5, 10)}讲`,
      start: sh(start),
      end: sh(end),
      place: '党员活动室',
      hours,
      ...(trainerId ? { trainerId } : {}),
    }),
  ).sessionId;
}

export async function tokenFor(
  emu: TestEmulator,
  officer: string,
  sessionId: string,
  purpose: 'in' | 'out' = 'in',
): Promise<string> {
  return expectOk(await emu.as<{ token: string }>(officer, 'trainings.checkinToken', { sessionId, purpose })).token;
}

const COLLECTIONS = [
  'training_programs',
  'training_sessions',
  'trainers',
  'training_enrolments',
  'training_attendance',
  'training_leaves',
  'training_exams',
  'training_ratings',
];

/** Everything the trainings actions can write, straight from the emulator's store, plus the audit count. */
export async function snapshot(emu: TestEmulator): Promise<string> {
  const db = emu.server.db;
  const out: Record<string, unknown> = { audit: await db.collection('audit').count() };
  for (const c of COLLECTIONS) {
    const rows = (await db.collection(c).find({})) as { _id: string }[];
    out[c] = rows.sort((a, b) => (a._id < b._id ? -1 : 1));
  }
  return JSON.stringify(out);
}
