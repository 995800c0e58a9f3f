/**
 * Special cases where the rules allow them (A10: training "except in individual special cases"; A17: approval
 * extended beyond three months, never beyond six): one officer asks with a reason, a second officer confirms, both
 * audited; the confirmed override lets that one gate pass once, and the step's record says so.
 */
import type { OverrideView } from '../../../typings/actions/pipeline';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { newId } from '../../store';
import { assertMayManage } from './access';
import { CASES, type CaseDoc, OVERRIDES, type OverrideDoc } from './docs';
import { requireCase } from './load';

const view = (o: OverrideDoc): OverrideView => ({
  overrideId: o._id,
  rule: o.rule,
  state: o.confirmedBy ? 'confirmed' : 'requested',
});

export const pipelineRequestOverride = defineAction({
  name: 'pipeline.requestOverride',
  summary: '申请按特殊情况处理（仅限规则允许的 A10 培训、A17 审批期限），须写明理由，由另一名干部确认',
  access: { kind: 'member' },
  errors: ['CASE_NOT_FOUND', 'OUT_OF_SCOPE', 'NOT_BRANCH_OFFICER'],
  async run({ actor, store, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertMayManage(actor, c, today);
    const by = actor.requirePerson();
    const doc: OverrideDoc = {
      _id: newId('po'),
      caseId: c._id,
      rule: input.rule,
      reason: input.reason,
      requestedBy: by._id,
      requestedByName: by.name,
      requestedAt: nowIso,
      confirmedBy: null,
      confirmedByName: null,
      confirmedAt: null,
    };
    await write((tx) => tx.create('pipeline.requestOverride', OVERRIDES, doc));
    return view(doc);
  },
});

export const pipelineConfirmOverride = defineAction({
  name: 'pipeline.confirmOverride',
  summary: '确认特殊情况处理：须由申请人以外的另一名本支部或上级党委干部确认，记入审计',
  access: { kind: 'member' },
  errors: [
    'OVERRIDE_NOT_FOUND',
    'CASE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'OVERRIDE_SELF_CONFIRM',
    'OVERRIDE_NOT_PENDING',
    'CONFLICT',
  ],
  async run({ actor, store, today, nowIso, write }, input) {
    const o = await store.require<OverrideDoc>(OVERRIDES, input.overrideId, 'OVERRIDE_NOT_FOUND');
    const c = await requireCase(store, o.caseId);
    assertMayManage(actor, c, today);
    const by = actor.requirePerson();
    if (o.requestedBy === by._id) throw new DomainError('OVERRIDE_SELF_CONFIRM');
    if (o.confirmedBy) throw new DomainError('OVERRIDE_NOT_PENDING');
    const confirmed: OverrideDoc = { ...o, confirmedBy: by._id, confirmedByName: by.name, confirmedAt: nowIso };
    await write(async (tx) => {
      const current = await tx.require<OverrideDoc>(OVERRIDES, o._id, 'OVERRIDE_NOT_FOUND');
      if (current.confirmedBy) throw new DomainError('OVERRIDE_NOT_PENDING');
      const cur = await tx.require<CaseDoc>(CASES, c._id, 'CASE_NOT_FOUND');
      await tx.put(OVERRIDES, confirmed);
      await tx.patch(CASES, c._id, { overridden: [...new Set([...cur.overridden, o.rule])], updatedAt: nowIso });
      tx.audit('pipeline.confirmOverride', `${OVERRIDES}/${o._id}`, o, confirmed);
    });
    return view(confirmed);
  },
});
