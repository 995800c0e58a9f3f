/**
 * A18: after the committee approves, the probationary member takes the oath facing the Party flag, organised by the
 * home branch. The record is a gate of the branch's conversion meeting (oathTaken); it cannot be dated before the
 * approval, nor entered once the conversion meeting has been held.
 */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { oathRecordable } from '../../domain/pipeline';
import { assertSees, isBranchOfficer } from './access';
import { ATTACHMENT_ERRORS, assertAttachments } from './attachments';
import { requireCase } from './load';
import { assertRecordDate, baseRecord, saveWithCase } from './records';

export const pipelineRecordOath = defineAction({
  name: 'pipeline.recordOath',
  summary: '记录预备党员面向党旗进行入党宣誓（A18）：党委审批后、支部大会讨论转正前，由本人所在党支部书记或支委记录',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'STEP_OUT_OF_ORDER',
    'OATH_RECORDED',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertSees(actor, c, today);
    if (!isBranchOfficer(actor.person, c.branchId, today)) throw new DomainError('NOT_BRANCH_OFFICER');
    const problem = oathRecordable(c);
    if (problem) throw new DomainError(problem.code, problem.message);
    assertRecordDate(input.on, today);
    if (c.approvedOn && input.on < c.approvedOn) {
      const why = `宣誓日期不能早于党委审批（${c.approvedOn}）`;
      throw new DomainError('RECORD_BACKDATED', why, { on: why });
    }
    await assertAttachments(ports.files, c._id, input.attachments);
    const by = actor.requirePerson();
    const record = baseRecord(c, by, nowIso, {
      kind: 'oath',
      on: input.on,
      title: `面向党旗进行入党宣誓（${input.place}）`,
      text: `领誓人：${input.leaderName}`,
      attachments: input.attachments,
    });
    await saveWithCase(write, c, record, (cur) => ({ ...cur, oathOn: input.on }), nowIso);
    return { recordId: record._id, caseId: c._id };
  },
});
