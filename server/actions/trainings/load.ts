/** Loaders of the trainings actions: get-or-throw with an error code, paged queries, the hours ledger of a person. */
import type { Person, Unit } from '../../../typings/domain';
import type { TrainingLevel } from '../../../typings/vocabulary';
import type { Actor } from '../../actor';
import { positionIsActive } from '../../domain/org/permissions';
import {
  type AttendedSession,
  hoursForAttendance,
  hoursLedger,
  type LedgerLine,
  requirementsThatApply,
} from '../../domain/trainings';
import type { Page, Store } from '../../store';
import { scopeOf } from '../org/access';
import { requireUnit, unitsById } from '../org/load';
import { assertManage } from './access';
import {
  ATTENDANCE,
  type AttendanceDoc,
  ENROLMENTS,
  type EnrolmentDoc,
  PROGRAMS,
  type ProgramDoc,
  SESSIONS,
  type SessionDoc,
  TRAINERS,
  type TrainerDoc,
} from './docs';

export function requireProgram(store: Store, id: string): Promise<ProgramDoc> {
  return store.require<ProgramDoc>(PROGRAMS, id, ['NOT_FOUND', '找不到该培训项目']);
}

/**
 * The unit a trainer or program is created in (or a training team is listed for), with its scope, once the actor
 * holds training.manage over it: UNIT_NOT_FOUND, OUT_OF_SCOPE.
 */
export async function requireManagedUnit(
  store: Store,
  actor: Actor,
  unitId: string,
): Promise<{ unit: Unit; unitScope: string[] }> {
  const unit = await requireUnit(store, unitId);
  const unitScope = scopeOf(unit);
  assertManage(actor, { unitScope });
  return { unit, unitScope };
}

export function requireSession(store: Store, id: string): Promise<SessionDoc> {
  return store.require<SessionDoc>(SESSIONS, id, ['NOT_FOUND', '找不到该场培训']);
}

export function requireTrainer(store: Store, id: string): Promise<TrainerDoc> {
  return store.require<TrainerDoc>(TRAINERS, id, ['NOT_FOUND', '找不到该讲师']);
}

export function sessionsOf(store: Store, programId: string): Promise<SessionDoc[]> {
  return store.all<SessionDoc>(SESSIONS, { programId });
}

export function enrolmentsOf(store: Store, programId: string): Promise<EnrolmentDoc[]> {
  return store.all<EnrolmentDoc>(ENROLMENTS, { programId });
}

/** A page of programs, newest first. */
export function programsPage(
  store: Store,
  where: Record<string, unknown>,
  page: number,
  pageSize: number,
): Promise<Page<ProgramDoc>> {
  return store.page<ProgramDoc>(PROGRAMS, where, { orderBy: [['createdAt', 'desc']], page, pageSize });
}

export interface PersonLedger {
  lines: LedgerLine[];
  sessions: Map<string, SessionDoc>;
  hours: Map<string, number>;
}

/**
 * A person's hours ledger, read from the store: their attendances, the sessions they were at, and the requirements
 * that apply to them (status, party branch offices, being on a 团课). The one entry point for other capabilities.
 */
export async function loadHoursLedger(store: Store, person: Person, today: string): Promise<PersonLedger> {
  const attendance = (await store.all<AttendanceDoc>(ATTENDANCE, { personId: person._id })).filter(
    (a) => a.checkedInAt !== null,
  );
  const sessions = await store.byIds<SessionDoc>(
    SESSIONS,
    attendance.map((a) => a.sessionId),
  );
  const hours = new Map<string, number>();
  const attended: AttendedSession[] = [];
  for (const a of attendance) {
    const s = sessions.get(a.sessionId);
    if (!s) continue;
    const h = hoursForAttendance(s.hoursMode, s.hours, a.checkedInAt, a.checkedOutAt);
    hours.set(s._id, h);
    attended.push({ sessionId: s._id, programId: s.programId, level: s.level, date: s.date, hours: h });
  }
  const officeUnits = person.positions
    .filter((p) => positionIsActive(p, today) && (p.role === 'branch_secretary' || p.role === 'branch_committee'))
    .map((p) => p.unitId);
  const units: Map<string, Unit> = officeUnits.length ? await unitsById(store, officeUnits) : new Map();
  const partyBranchOfficer = officeUnits.some((id) => {
    const kind = units.get(id)?.kind;
    return kind === 'party_branch' || kind === 'temp_party_branch';
  });
  const leagueLevel: TrainingLevel = 'league_class';
  const onLeagueClass =
    person.status === 'masses' &&
    (attended.some((a) => a.level === leagueLevel) ||
      (
        await store.find<EnrolmentDoc>(
          ENROLMENTS,
          { personId: person._id, level: leagueLevel, state: 'enrolled' },
          {
            limit: 1,
          },
        )
      ).length > 0);
  const requirements = requirementsThatApply({
    status: person.status,
    partyBranchOfficer,
    leagueActivist: onLeagueClass,
  });
  return { lines: hoursLedger(requirements, attended, today), sessions, hours };
}
