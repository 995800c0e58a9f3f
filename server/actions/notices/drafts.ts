/** Drafting, publishing and withdrawing a 公示: officers holding notice.manage over the owning unit. */

import { DEFAULT_RULE_VERSION } from '../../../typings/domain';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import {
  createDraft,
  type DraftFields,
  editDraft,
  effectiveState,
  type Notice,
  noticeWindow,
  publish,
  withdraw,
} from '../../domain/notices';
import type { RequirementTable } from '../../domain/notices/requirements';
import { newId, type Tx } from '../../store';
import { assertPostable } from '../content';
import { unitIndex } from '../org/authority';
import { checkPublication, loadManagedNotice, ownerOf, ownerScopeFor, requirementTable } from './authority';
import { NOTICES, type NoticeDoc, withPhase } from './docs';
import { archiveDocOf, countersMatch, fileArchive } from './filing';
import { objectionsOf, txNotice } from './load';
import { windowView } from './views';

/**
 * A draft must already be publishable as far as its window goes (start not in the past, length at least the
 * minimum for its kind and rule version), so the officer hears it while writing, not at the last step.
 * The check is the domain's own publication rule, run on a copy; publishing checks again against its own day.
 */
function checkDraftWindow(n: Notice, now: Date, by: string, table: RequirementTable): void {
  publish({ ...n, status: 'draft' }, now, { by, table });
}

/** The refusals of the window rule (checkDraftWindow, publish). */
const WINDOW_ERRORS = ['WINDOW_INVALID', 'WINDOW_START_IN_PAST', 'WINDOW_TOO_SHORT'] as const;

/** The refusals of a stored notice the actor manages (loadManagedNotice) checked for publication (checkPublication). */
const MANAGED_DRAFT_ERRORS = ['NOT_FOUND', 'OUT_OF_SCOPE', 'UNIT_NOT_FOUND', 'NOTICE_ORIGIN_INVALID'] as const;

/**
 * Reads the notice again inside the transaction, stores `change(current)` with its phase and the audit entry, and
 * returns it: every change of a stored notice by its officers (edit, publish, withdraw) goes through here.
 */
async function changeNotice(
  tx: Tx,
  action: string,
  noticeId: string,
  change: (current: NoticeDoc) => NoticeDoc | Promise<NoticeDoc>,
): Promise<NoticeDoc> {
  const current = await txNotice(tx, noticeId);
  const after = await change(current);
  await tx.put(NOTICES, after);
  tx.audit(action, `${NOTICES}/${noticeId}`, current, after);
  return after;
}

export const noticesCreate = defineAction({
  name: 'notices.create',
  summary: '起草公示（标题、正文、类别、公示对象、公示范围、公示期），保存为草稿',
  access: { kind: 'permission', permission: 'notice.manage' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE', 'NOTICE_ORIGIN_INVALID', ...WINDOW_ERRORS],
  async run({ actor, store, write, now }, input) {
    const person = actor.requirePerson();
    const units = await unitIndex(store);
    const owner = ownerOf(units, input);
    // Lines of authority: the owner's scope in the line of the notice's kind (a party step is party business).
    const ownerScope = ownerScopeFor(units, owner, input.kind);
    actor.authorize('notice.manage', ownerScope);
    const subjects = input.subjects.map((s) => ({ personId: s.personId ?? null, name: s.name }));
    const scopeUnits = await checkPublication(store, units, owner, { ...input, subjects });
    const draft = createDraft(
      {
        _id: newId('n'),
        unitId: owner._id,
        ruleVersion: input.ruleVersion ?? DEFAULT_RULE_VERSION,
        kind: input.kind,
        title: input.title,
        body: input.body,
        subjects,
        scopeUnitIds: scopeUnits.map((s) => s.unitId),
        spec: input.window,
        by: person._id,
      },
      now,
    );
    checkDraftWindow(draft, now, person._id, await requirementTable(store));
    const doc: NoticeDoc = withPhase(
      {
        ...draft,
        ownerScope,
        unitName: owner.name,
        scopeUnits,
        posted: false,
        phase: 'draft',
        listOrder: 0,
        objectionCounts: { total: 0, pending: 0 },
        objectorTally: {},
      },
      now,
    );
    await write(async (tx) => {
      await tx.create('notices.create', NOTICES, doc);
    });
    return { noticeId: doc._id, window: windowView(noticeWindow(doc)) };
  },
});

export const noticesUpdate = defineAction({
  name: 'notices.update',
  summary: '修改公示草稿；发布后内容冻结，不能再修改',
  access: { kind: 'permission', permission: 'notice.manage' },
  errors: [...MANAGED_DRAFT_ERRORS, 'NOTICE_NOT_DRAFT', 'NOTICE_WITHDRAWN', ...WINDOW_ERRORS],
  async run({ actor, store, write, now }, { noticeId, window, scopeUnitIds, subjects, ...rest }) {
    const person = actor.requirePerson();
    const { notice: before, units } = await loadManagedNotice(actor, store, noticeId);
    editDraft(before, {}, now); // NOTICE_NOT_DRAFT / NOTICE_WITHDRAWN before reading anything else
    const patch: Partial<DraftFields> & Partial<Pick<NoticeDoc, 'scopeUnits' | 'ownerScope'>> = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => v !== undefined),
    );
    if (window) patch.spec = window;
    if (subjects) patch.subjects = subjects.map((s) => ({ personId: s.personId ?? null, name: s.name }));
    // The draft as it will stand is checked whole: its line (a changed kind may move it), origin and posting scope.
    const owner = ownerOf(units, before);
    const kind = patch.kind ?? before.kind;
    patch.ownerScope = ownerScopeFor(units, owner, kind);
    actor.authorize('notice.manage', patch.ownerScope);
    const scopeUnits = await checkPublication(store, units, owner, {
      kind,
      subjects: patch.subjects ?? before.subjects,
      scopeUnitIds: scopeUnitIds ?? before.scopeUnitIds,
    });
    patch.scopeUnits = scopeUnits;
    patch.scopeUnitIds = scopeUnits.map((s) => s.unitId);
    const table = await requirementTable(store);
    return write(async (tx) => {
      const after = await changeNotice(tx, 'notices.update', noticeId, (current) => {
        const edited = withPhase({ ...current, ...editDraft(current, patch, now) } as NoticeDoc, now);
        checkDraftWindow(edited, now, person._id, table);
        return edited;
      });
      return { noticeId, window: windowView(noticeWindow(after)) };
    });
  },
});

export const noticesPublish = defineAction({
  name: 'notices.publish',
  summary: '发布公示：公示期计算后冻结，正文不可再改；到开始日自动公示、到期自动结束',
  access: { kind: 'permission', permission: 'notice.manage' },
  errors: [
    ...MANAGED_DRAFT_ERRORS,
    'NOTICE_ALREADY_PUBLISHED',
    'NOTICE_CLOSED',
    'NOTICE_WITHDRAWN',
    ...WINDOW_ERRORS,
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, write, now }, { noticeId }) {
    const person = actor.requirePerson();
    const { notice: before, units } = await loadManagedNotice(actor, store, noticeId);
    // Published only from where its kind may come, to where it may go (the roster may have moved since drafting).
    await checkPublication(store, units, ownerOf(units, before), before);
    const table = await requirementTable(store);
    publish(before, now, { by: person._id, table }); // the rule's refusals before asking WeChat anything
    await assertPostable(ports, actor.openid, `${before.title}\n${before.body}`);
    return write(async (tx) => {
      const after = await changeNotice(tx, 'notices.publish', noticeId, (current) =>
        withPhase({ ...current, ...publish(current, now, { by: person._id, table }), posted: true }, now),
      );
      return { noticeId, state: after.phase, window: windowView(noticeWindow(after)) };
    });
  },
});

export const noticesWithdraw = defineAction({
  name: 'notices.withdraw',
  summary: '撤回公示（草稿或未结束的公示），须填写理由并留档；已发布的公示连同异议归档',
  access: { kind: 'permission', permission: 'notice.manage' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'WITHDRAW_REASON_REQUIRED',
    'NOTICE_WITHDRAWN',
    'NOTICE_CLOSED',
    'CONFLICT',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, write, now }, { noticeId, reason }) {
    const person = actor.requirePerson();
    const { notice: before } = await loadManagedNotice(actor, store, noticeId);
    withdraw(before, reason, now, person._id); // state and reason, before any further read
    await assertPostable(ports, actor.openid, reason); // every reader of the notice sees the reason
    // A posted notice is filed with its objections, like a closed one (E2: the record of what was publicised).
    const objections = before.posted ? await objectionsOf(store, noticeId) : [];
    return write(async (tx) => {
      const after = await changeNotice(tx, 'notices.withdraw', noticeId, async (current) => {
        const withdrawn = withPhase({ ...current, ...withdraw(current, reason, now, person._id) }, now);
        if (current.posted) {
          if (!countersMatch(current, objections)) throw new DomainError('CONFLICT');
          await fileArchive(tx, archiveDocOf(withdrawn, objections, now, null));
        }
        return withdrawn;
      });
      return { noticeId, state: effectiveState(after, now) };
    });
  },
});
