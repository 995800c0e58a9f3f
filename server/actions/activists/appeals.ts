/** The activist's one appeal against a decided semester grade, and the officer's answer on record (S4). */
import { defineAction } from '../../action';
import { assertMayAppeal } from '../../domain/activists';
import { DomainError } from '../../domain/errors';
import { assertPostable } from '../content';
import { assertKeeper, KEEPER_PERMISSION } from './access';
import { GRADES, type GradeDoc } from './docs';
import { retally } from './grading';
import { requireGrade } from './load';
import { gradeView } from './views';

export const activistsAppeal = defineAction({
  name: 'activists.appeal',
  summary: '积极分子对本人已确定的学期等次申诉一次，须写明理由（经安全检测）',
  access: { kind: 'member' },
  errors: ['GRADE_NOT_FOUND', 'NOT_YOUR_GRADE', 'GRADE_NOT_DECIDED', 'APPEAL_EXISTS', 'CONTENT_REJECTED'],
  async run({ actor, store, ports, nowIso, today, write }, { gradeId: id, reason }) {
    const me = actor.requirePerson();
    const found = await requireGrade(store, id);
    assertMayAppeal(found, me._id);
    await assertPostable(ports, actor.openid, reason);
    return write(async (tx) => {
      const g = await tx.require<GradeDoc>(GRADES, id, 'GRADE_NOT_FOUND');
      assertMayAppeal(g, me._id);
      const after: GradeDoc = { ...g, appeal: { reason, at: nowIso, on: today, answer: null } };
      await tx.put(GRADES, after);
      tx.audit('activists.appeal', `${GRADES}/${id}`, { appeal: null }, { appeal: after.appeal });
      return gradeView(after, me._id);
    });
  },
});

export const activistsAnswerAppeal = defineAction({
  name: 'activists.answerAppeal',
  summary: '答复积极分子的等次申诉（记入档案和审计）；可同时调整等次（优秀不超过支部设定的比例）',
  access: { kind: 'permission', permission: KEEPER_PERMISSION },
  errors: [
    'GRADE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'APPEAL_NOT_FOUND',
    'APPEAL_ANSWERED',
    'GRADE_QUOTA_EXCEEDED',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, nowIso, today, write }, { gradeId: id, answer, grade }) {
    const found = await requireGrade(store, id);
    assertKeeper(actor, found.branchScope);
    if (!found.appeal) throw new DomainError('APPEAL_NOT_FOUND');
    if (found.appeal.answer) throw new DomainError('APPEAL_ANSWERED');
    await assertPostable(ports, actor.openid, answer);
    const by = actor.requirePerson()._id;
    return write(async (tx) => {
      const g = await tx.require<GradeDoc>(GRADES, id, 'GRADE_NOT_FOUND');
      if (!g.appeal) throw new DomainError('APPEAL_NOT_FOUND');
      if (g.appeal.answer) throw new DomainError('APPEAL_ANSWERED');
      const current = g.decision?.grade ?? null;
      const changedTo = grade !== undefined && grade !== current ? grade : null;
      const after: GradeDoc = {
        ...g,
        appeal: { ...g.appeal, answer: { text: answer, by, at: nowIso, on: today, changedTo } },
      };
      if (changedTo) {
        await retally(tx, g, current, changedTo);
        after.decision = { grade: changedTo, reason: `申诉答复：${answer}`, by, at: nowIso, on: today };
      }
      await tx.put(GRADES, after);
      tx.audit(
        'activists.answerAppeal',
        `${GRADES}/${id}`,
        { appeal: g.appeal, decision: g.decision },
        {
          appeal: after.appeal,
          decision: after.decision,
        },
      );
      return gradeView(after, actor.personId);
    });
  },
});
