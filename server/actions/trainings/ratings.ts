/**
 * Ratings of a session and its trainer (a product decision), and a trainer's own view of theirs. Only a trainee who attended rates, once. The rating is
 * added to the session's totals (sums, count, comments kept in text order) in the same transaction that flags the
 * attendance record as rated: nothing stored links a rater to a rating, and the rating is not an audit entry (an
 * entry would put the rater and the time next to it).
 */
import type { TrainerRatingsView } from '../../../typings/actions/trainings';
import { TRAINER_KIND_LABELS } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { addTotals, EMPTY_TOTALS, MIN_RATINGS_SHOWN, type RatingTotals, ratingAggregate } from '../../domain/trainings';
import { assertPostable } from '../content';
import {
  ATTENDANCE,
  type AttendanceDoc,
  attendanceId,
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
import { requireSession } from './load';

export const trainingsRate = defineAction({
  name: 'trainings.rate',
  summary: '评价一场培训及其讲师（内容、讲授、收获 1–5 分和意见）；只统计汇总，不显示评价人',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'RATING_NOT_ATTENDED', 'RATING_ALREADY_GIVEN', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, write }, input) {
    const me = actor.requirePerson();
    const session = await requireSession(store, input.sessionId);
    const pre = await store.get<AttendanceDoc>(ATTENDANCE, attendanceId(session._id, me._id));
    if (!pre?.checkedInAt) throw new DomainError('RATING_NOT_ATTENDED');
    if (pre.rated) throw new DomainError('RATING_ALREADY_GIVEN');
    // The trainer and the organisers read the comment.
    if (input.comment) await assertPostable(ports, actor.openid, input.comment);
    const _ = store.command;
    await write(async (tx) => {
      const a = await tx.get<AttendanceDoc>(ATTENDANCE, pre._id);
      if (!a?.checkedInAt) throw new DomainError('RATING_NOT_ATTENDED');
      if (a.rated) throw new DomainError('RATING_ALREADY_GIVEN');
      await tx.patch(ATTENDANCE, a._id, { rated: true });
      await tx.patch(RATINGS, ratingsId(session._id), {
        n: _.inc(1),
        'sums.content': _.inc(input.content),
        'sums.delivery': _.inc(input.delivery),
        'sums.usefulness': _.inc(input.usefulness),
        ...(input.comment ? { comments: _.push({ each: [input.comment], sort: 1 }) } : {}),
      });
    });
    return { rated: true as const };
  },
});

export const trainingsMyRatings = defineAction({
  name: 'trainings.myRatings',
  summary: '我的授课评价（讲师本人）：各场次和各培训项目的评分汇总，不显示评价人，不足 3 人评价不显示',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store }): Promise<TrainerRatingsView> {
    const me = actor.requirePerson();
    const trainers = await store.all<TrainerDoc>(TRAINERS, { personId: me._id });
    if (trainers.length === 0) return { trainers: [], programs: [], minRatingsShown: MIN_RATINGS_SHOWN };
    const sessions = await store.all<SessionDoc>(SESSIONS, {
      trainerId: store.command.in(trainers.map((t) => t._id)),
    });
    const [totals, programs] = await Promise.all([
      store.byIds<RatingTotalsDoc>(
        RATINGS,
        sessions.map((s) => ratingsId(s._id)),
      ),
      store.byIds<ProgramDoc>(PROGRAMS, [...new Set(sessions.map((s) => s.programId))]),
    ]);
    // Only the figures leave: counts and averages (ratingAggregate hides them under MIN_RATINGS_SHOWN), never a
    // comment or anything that could tie a rating to a trainee.
    const totalsOf = (s: SessionDoc): RatingTotals => {
      const t = totals.get(ratingsId(s._id));
      return t ? { n: t.n, sums: t.sums } : EMPTY_TOTALS;
    };
    const byProgram = new Map<string, SessionDoc[]>();
    for (const s of [...sessions].sort((a, b) => (a.start < b.start ? -1 : 1))) {
      byProgram.set(s.programId, [...(byProgram.get(s.programId) ?? []), s]);
    }
    return {
      trainers: trainers.map((t) => ({ id: t._id, name: t.name, kindLabel: TRAINER_KIND_LABELS[t.kind] })),
      programs: [...byProgram]
        .map(([programId, list]) => {
          const all = list.map(totalsOf).reduce(addTotals, EMPTY_TOTALS);
          return {
            programId,
            title: programs.get(programId)?.title ?? '',
            unitName: programs.get(programId)?.unitName ?? '',
            ratings: all.n,
            rating: ratingAggregate(all),
            sessions: list.map((s) => {
              const t = totalsOf(s);
              return { sessionId: s._id, title: s.title, start: s.start, ratings: t.n, rating: ratingAggregate(t) };
            }),
          };
        })
        .sort((a, b) => (a.sessions[0].start > b.sessions[0].start ? -1 : 1)),
      minRatingsShown: MIN_RATINGS_SHOWN,
    };
  },
});
