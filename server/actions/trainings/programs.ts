/** Programs, sessions and the training team: created by the organising unit's officers, read by those they are open to. */
import {
  ADMISSION_MODE_LABELS,
  ADMISSION_MODES,
  HOURS_MODE_LABELS,
  HOURS_MODES,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  TRAINER_KIND_LABELS,
  TRAINER_KINDS,
  TRAINING_CATEGORIES,
  TRAINING_CATEGORY_LABELS,
  TRAINING_LEVEL_LABELS,
  TRAINING_LEVELS,
} from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { shanghaiDate } from '../../domain/time';
import { EMPTY_TOTALS } from '../../domain/trainings';
import { mapPage, newId } from '../../store';
import { assertPostable } from '../content';
import { unitsWithin } from '../org/load';
import { assertManage, assertMayRead, canManage, openTo } from './access';
import {
  ATTENDANCE,
  type AttendanceDoc,
  ENROLMENTS,
  type EnrolmentDoc,
  enrolmentId,
  LEAVES,
  type LeaveDoc,
  PROGRAMS,
  type ProgramDoc,
  RATINGS,
  type RatingTotalsDoc,
  ratingsId,
  SESSIONS,
  type SessionDoc,
  TRAINERS,
  type TrainerDoc,
} from './docs';
import { programsPage, requireManagedUnit, requireProgram, requireTrainer, sessionsOf } from './load';
import { toProgramCard, toProgramView, toSessionView, toTrainerView } from './views';

export const trainingsCreateTrainer = defineAction({
  name: 'trainings.createTrainer',
  summary: '培训师资库：添加专职、兼职或外聘讲师及其简介',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, write, nowIso }, input) {
    const { unit, unitScope } = await requireManagedUnit(store, actor, input.unitId);
    // Trainees read the trainer's name and profile on every session.
    await assertPostable(ports, actor.openid, `${input.name}\n${input.profile}`);
    const doc: TrainerDoc = {
      _id: newId('tt'),
      unitId: unit._id,
      unitScope,
      name: input.name,
      kind: input.kind,
      profile: input.profile,
      personId: input.personId ?? null,
      createdAt: nowIso,
    };
    await write(async (tx) => {
      await tx.create('trainings.createTrainer', TRAINERS, doc);
    });
    return { trainerId: doc._id };
  },
});

export const trainingsListTrainers = defineAction({
  name: 'trainings.listTrainers',
  summary: '本单位及上级单位的培训讲师',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store }, { unitId }) {
    const { unitScope } = await requireManagedUnit(store, actor, unitId);
    const rows = await store.all<TrainerDoc>(TRAINERS, { unitId: store.command.in(unitScope) });
    return rows.map(toTrainerView);
  },
});

export const trainingsCreateProgram = defineAction({
  name: 'trainings.createProgram',
  summary: '创建培训项目：层级（五级培训网络、骨干培训、团课）、类别、组织单位、学期、名额、报名方式',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, write, nowIso }, input) {
    const { unit, unitScope } = await requireManagedUnit(store, actor, input.unitId);
    if (input.admission === 'invite' && input.inviteeIds.length === 0) {
      throw new DomainError('BAD_INPUT', undefined, { inviteeIds: '指定名单报名须列出受邀人员' });
    }
    // Everyone the program is open to reads its title and description.
    await assertPostable(ports, actor.openid, `${input.title}\n${input.description}`);
    const doc: ProgramDoc = {
      _id: newId('tp'),
      title: input.title,
      description: input.description,
      level: input.level,
      category: input.category,
      unitId: unit._id,
      unitName: unit.name,
      unitScope,
      term: input.term,
      capacity: input.capacity,
      waitlistLimit: input.waitlistLimit,
      admission: input.admission,
      invitees: input.admission === 'invite' ? [...new Set(input.inviteeIds)] : [],
      hoursMode: input.hoursMode,
      enrolled: 0,
      waitlist: [],
      sessionCount: 0,
      hoursOffered: 0,
      exam: null,
      createdBy: actor.requirePerson()._id,
      createdAt: nowIso,
    };
    await write(async (tx) => {
      await tx.create('trainings.createProgram', PROGRAMS, doc);
    });
    return { programId: doc._id };
  },
});

export const trainingsAddSession = defineAction({
  name: 'trainings.addSession',
  summary: '为培训项目添加一场培训：时间、地点或线上、学时、讲师',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, write }, input) {
    const program = await requireProgram(store, input.programId);
    assertManage(actor, program);
    if (Date.parse(input.end) <= Date.parse(input.start)) {
      throw new DomainError('BAD_INPUT', undefined, { end: '结束时间须晚于开始时间' });
    }
    // The trainees read the session's title and place.
    await assertPostable(ports, actor.openid, `${input.title}\n${input.place}`);
    const trainer = input.trainerId ? await requireTrainer(store, input.trainerId) : null;
    // A trainer of this unit's team or of a unit above it.
    if (trainer && !program.unitScope.includes(trainer.unitId)) throw new DomainError('OUT_OF_SCOPE');
    const session: SessionDoc = {
      _id: newId('ts'),
      programId: program._id,
      unitScope: program.unitScope,
      level: program.level,
      hoursMode: program.hoursMode,
      title: input.title,
      start: input.start,
      end: input.end,
      date: shanghaiDate(new Date(input.start)),
      place: input.place,
      online: input.online,
      hours: input.hours,
      trainerId: trainer?._id ?? null,
      trainerName: trainer?.name ?? null,
    };
    const totals: RatingTotalsDoc = {
      _id: ratingsId(session._id),
      sessionId: session._id,
      programId: program._id,
      trainerId: session.trainerId,
      ...EMPTY_TOTALS,
      comments: [],
    };
    const _ = store.command;
    await write(async (tx) => {
      await tx.insert(SESSIONS, session);
      await tx.insert(RATINGS, totals);
      await tx.patch(PROGRAMS, program._id, { sessionCount: _.inc(1), hoursOffered: _.inc(input.hours) });
      tx.audit('trainings.addSession', `${SESSIONS}/${session._id}`, null, session);
    });
    return { sessionId: session._id };
  },
});

export const trainingsListOpen = defineAction({
  name: 'trainings.listOpen',
  summary: '对我开放的培训项目：我所在单位及其上级单位组织的，或指定我参加的',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store }, { page, pageSize }) {
    const me = actor.requirePerson();
    const _ = store.command;
    const where = _.or([
      { unitId: _.in([...new Set([...me.reach, ...me.memberOf])]), admission: _.neq('invite') },
      { invitees: me._id },
    ]);
    return mapPage(await programsPage(store, where, page, pageSize), toProgramCard);
  },
});

export const trainingsListManaged = defineAction({
  name: 'trainings.listManaged',
  summary: '我组织的培训项目（本人有培训管理权限的单位及其下级单位）',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: [],
  async run({ actor, store }, { page, pageSize }) {
    const units = actor.unitsWhere('training.manage');
    return mapPage(await programsPage(store, { unitScope: store.command.in(units) }, page, pageSize), toProgramCard);
  },
});

export const trainingsGet = defineAction({
  name: 'trainings.get',
  summary: '培训项目详情：各场次、剩余名额、我的报名状态与候补位次、我的考勤',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, now }, { programId }) {
    const me = actor.requirePerson();
    const program = await requireProgram(store, programId);
    const enrolment = await store.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, me._id));
    assertMayRead(actor, program, enrolment);
    const [sessions, attendance, leaves] = await Promise.all([
      sessionsOf(store, programId),
      enrolment ? store.all<AttendanceDoc>(ATTENDANCE, { programId, personId: me._id }) : [],
      enrolment ? store.all<LeaveDoc>(LEAVES, { programId, personId: me._id }) : [],
    ]);
    const mine = (sessionId: string) =>
      enrolment?.state === 'enrolled'
        ? {
            attendance: attendance.find((a) => a.sessionId === sessionId) ?? null,
            leave: leaves.find((l) => l.sessionId === sessionId) ?? null,
          }
        : null;
    const sessionViews = sessions
      .sort((a, b) => (a.start < b.start ? -1 : 1))
      .map((s) => toSessionView(s, mine(s._id), now));
    return toProgramView(program, me._id, enrolment, sessionViews, canManage(actor, program), openTo(actor, program));
  },
});

export const trainingsCreateOptions = defineAction({
  name: 'trainings.createOptions',
  summary: '创建培训项目表单的选项：本人可组织培训的单位，以及层级、类别、报名方式和学时计算方式',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: [],
  async run({ actor, store }) {
    const units = await unitsWithin(store, actor.unitsWhere('training.manage'));
    const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
      values.map((value) => ({ value, label: labels[value] }));
    return {
      units: units.map((u) => ({ value: u._id, label: u.name })),
      levels: opts(TRAINING_LEVELS, TRAINING_LEVEL_LABELS),
      categories: opts(TRAINING_CATEGORIES, TRAINING_CATEGORY_LABELS),
      admissions: opts(ADMISSION_MODES, ADMISSION_MODE_LABELS),
      hoursModes: opts(HOURS_MODES, HOURS_MODE_LABELS),
      trainerKinds: opts(TRAINER_KINDS, TRAINER_KIND_LABELS),
      questionKinds: opts(QUESTION_KINDS, QUESTION_KIND_LABELS),
    };
  },
});
