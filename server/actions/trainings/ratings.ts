/**
 * Ratings of a session and its trainer (a product decision). Only a trainee who attended rates, once. The rating is
 * added to the session's totals (sums, count, comments kept in text order) in the same transaction that flags the
 * attendance record as rated: nothing stored links a rater to a rating, and the rating is not an audit entry (an
 * entry would put the rater and the time next to it).
 */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { assertPostable } from '../content';
import { ATTENDANCE, type AttendanceDoc, attendanceId, RATINGS, ratingsId } from './docs';
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
