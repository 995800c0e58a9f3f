/**
 * Sign-up, withdrawal with waitlist promotion in order, review of sign-ups, and the organiser's enrolment list.
 * The program document holds the seat count and the waitlist, so each of these is one transaction over single
 * documents (CloudBase transactions allow no queries): the promotion needs no search for who is next.
 */
import type { Person } from '../../../typings/domain';
import { ENROLMENT_STATE_LABELS, type EnrolmentState } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  promoteFromWaitlist,
  remainingCapacity,
  seatOrWaitlist,
  signUpOutcome,
  waitlistPosition,
} from '../../domain/trainings';
import type { Ports } from '../../ports';
import type { Store, Tx } from '../../store';
import { assertManage, openTo } from './access';
import { ENROLMENTS, type EnrolmentDoc, enrolmentId, PROGRAMS, PROMOTED_TEMPLATE_ID, type ProgramDoc } from './docs';
import { enrolmentsOf, requireProgram } from './load';

const ACTIVE: readonly EnrolmentState[] = ['enrolled', 'waitlisted', 'pending'];

export const trainingsSignUp = defineAction({
  name: 'trainings.signUp',
  summary: '报名培训：有名额即报名成功，名额满时进入候补（候补也满则不能报名）；审核制项目待组织者审核',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'NOT_INVITED', 'ALREADY_ENROLLED', 'PROGRAM_FULL'],
  async run({ actor, store, write, nowIso }, { programId }) {
    const me = actor.requirePerson();
    const pre = await requireProgram(store, programId);
    const invited = pre.invitees.includes(me._id);
    if (pre.admission !== 'invite' && !openTo(actor, pre)) throw new DomainError('OUT_OF_SCOPE');
    const _ = store.command;
    return write(async (tx) => {
      const program = (await tx.get<ProgramDoc>(PROGRAMS, programId))!;
      const before = await tx.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, me._id));
      if (before && ACTIVE.includes(before.state)) throw new DomainError('ALREADY_ENROLLED');
      const state = signUpOutcome(program.admission, invited, program);
      const doc: EnrolmentDoc = {
        _id: enrolmentId(programId, me._id),
        programId,
        personId: me._id,
        personName: me.name,
        level: program.level,
        state,
        at: nowIso,
        decidedBy: null,
      };
      await tx.put(ENROLMENTS, doc);
      if (state === 'enrolled') await tx.patch(PROGRAMS, programId, { enrolled: _.inc(1) });
      if (state === 'waitlisted') await tx.patch(PROGRAMS, programId, { waitlist: _.push([me._id]) });
      tx.audit('trainings.signUp', `${ENROLMENTS}/${doc._id}`, before, doc);
      return {
        state,
        waitlistPosition: state === 'waitlisted' ? program.waitlist.length + 1 : null,
      };
    });
  },
});

/** Seats freed in `program`: the head of the waitlist moves up in order, inside the caller's transaction. */
async function promoteInTx(
  tx: Tx,
  program: ProgramDoc,
  enrolled: number,
  waitlist: string[],
  by: string,
): Promise<string[]> {
  const { promoted, waitlist: rest } = promoteFromWaitlist({ ...program, enrolled, waitlist });
  for (const personId of promoted) {
    const e = await tx.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(program._id, personId));
    if (!e) continue;
    await tx.patch(ENROLMENTS, e._id, { state: 'enrolled', decidedBy: by });
    tx.audit('trainings.promote', `${ENROLMENTS}/${e._id}`, e, { ...e, state: 'enrolled' });
  }
  await tx.patch(PROGRAMS, program._id, { enrolled: enrolled + promoted.length, waitlist: rest });
  return promoted;
}

/** Tells each promoted person through a subscribe message; a failed message never undoes the promotion. */
async function tellPromoted(store: Store, ports: Ports, program: ProgramDoc, promoted: string[]): Promise<void> {
  if (promoted.length === 0) return;
  const people = await store.byIds<Person>(PEOPLE, promoted);
  for (const id of promoted) {
    const openid = people.get(id)?.openid;
    if (!openid) continue;
    try {
      await ports.messenger.sendSubscribe({
        touser: openid,
        templateId: PROMOTED_TEMPLATE_ID,
        page: `packages/trainings/program/index?id=${program._id}`,
        data: { thing1: { value: program.title.slice(0, 20) }, phrase2: { value: '候补转正' } },
      });
    } catch (err) {
      console.error('[lingyan] waitlist promotion message not sent', err);
    }
  }
}

export const trainingsWithdraw = defineAction({
  name: 'trainings.withdraw',
  summary: '退出培训（或退出候补）；空出的名额按候补顺序递补，并通知递补人员',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'NOT_ENROLLED'],
  async run({ actor, store, ports, write }, { programId }) {
    const me = actor.requirePerson();
    const result = await write(async (tx) => {
      const program = await tx.require<ProgramDoc>(PROGRAMS, programId, ['NOT_FOUND', '找不到该培训项目']);
      const e = await tx.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, me._id));
      if (!e || !ACTIVE.includes(e.state)) throw new DomainError('NOT_ENROLLED');
      await tx.patch(ENROLMENTS, e._id, { state: 'withdrawn' });
      tx.audit('trainings.withdraw', `${ENROLMENTS}/${e._id}`, e, { ...e, state: 'withdrawn' });
      let promoted: string[] = [];
      if (e.state === 'enrolled') {
        promoted = await promoteInTx(tx, program, program.enrolled - 1, program.waitlist, me._id);
      } else if (e.state === 'waitlisted') {
        await tx.patch(PROGRAMS, programId, { waitlist: program.waitlist.filter((id) => id !== me._id) });
      }
      return { program, promoted };
    });
    await tellPromoted(store, ports, result.program, result.promoted);
    return { state: 'withdrawn' as const, promoted: result.promoted.length };
  },
});

export const trainingsReview = defineAction({
  name: 'trainings.review',
  summary: '审核报名：通过后有名额即报名成功，否则进入候补；或不予通过',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'ENROLMENT_NOT_PENDING', 'PROGRAM_FULL'],
  async run({ actor, store, write }, { programId, personId, approve }) {
    const me = actor.requirePerson();
    assertManage(actor, await requireProgram(store, programId));
    const _ = store.command;
    return write(async (tx) => {
      const program = (await tx.get<ProgramDoc>(PROGRAMS, programId))!;
      const e = await tx.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, personId));
      if (e?.state !== 'pending') throw new DomainError('ENROLMENT_NOT_PENDING');
      const state: EnrolmentState = approve ? seatOrWaitlist(program) : 'rejected';
      await tx.patch(ENROLMENTS, e._id, { state, decidedBy: me._id });
      if (state === 'enrolled') await tx.patch(PROGRAMS, programId, { enrolled: _.inc(1) });
      if (state === 'waitlisted') await tx.patch(PROGRAMS, programId, { waitlist: _.push([personId]) });
      tx.audit('trainings.review', `${ENROLMENTS}/${e._id}`, e, { ...e, state });
      return { state };
    });
  },
});

export const trainingsEnrolment = defineAction({
  name: 'trainings.enrolment',
  summary: '报名名单：已报名、候补（按顺序）和待审核人员',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store }, { programId }) {
    const program = await requireProgram(store, programId);
    assertManage(actor, program);
    const rows = await enrolmentsOf(store, programId);
    const row = (e: EnrolmentDoc) => ({
      personId: e.personId,
      name: e.personName,
      state: e.state,
      stateLabel: ENROLMENT_STATE_LABELS[e.state],
      waitlistPosition: waitlistPosition(program.waitlist, e.personId),
    });
    const waiting = new Map(rows.filter((e) => e.state === 'waitlisted').map((e) => [e.personId, e]));
    return {
      programId,
      capacity: program.capacity,
      remaining: remainingCapacity(program),
      enrolled: rows.filter((e) => e.state === 'enrolled').map(row),
      waitlist: program.waitlist.flatMap((id) => (waiting.has(id) ? [row(waiting.get(id)!)] : [])),
      pending: rows.filter((e) => e.state === 'pending').map(row),
    };
  },
});
