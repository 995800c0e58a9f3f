/** Reading cases: one case, my journey, a branch's cases by stage and overdue, and the to-do list. */
import type { TodoView } from '../../../typings/actions/pipeline';
import { PIPELINE_TODO_LABELS } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { lineScope } from '../../domain/org/lines';
import { nextItem } from '../../domain/pipeline';
import { addDays } from '../../domain/time';
import { mapPage } from '../../store';
import { kindIndex, unitIndex } from '../org/authority';
import { assertSees, committeeUnits, isBranchOfficer, isCommitteeOver, isContact, officerBranches } from './access';
import { CASES, type CaseDoc, caseIdFor } from './docs';
import { FILINGS_ORDER, filingsAwaitedWhere, recordsOf, requireCase } from './load';
import { cardView, caseView, filingDecisions, nextView } from './views';

export const pipelineGet = defineAction({
  name: 'pipeline.get',
  summary:
    '发展档案：阶段、适用版本、下一步及期限、关卡与所缺内容、全部记录和责任链（本人、本支部书记支委、培养联系人、上级党委可见）',
  access: { kind: 'member' },
  errors: ['CASE_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, today }, input) {
    const [c, records] = await Promise.all([requireCase(store, input.caseId), recordsOf(store, input.caseId)]);
    assertSees(actor, c, today);
    return caseView(c, records, actor.person, today);
  },
});

export const pipelineMine = defineAction({
  name: 'pipeline.mine',
  summary: '我的入党历程：阶段、下一步、期限和所缺内容（尚未申请时为空）',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store, today }) {
    const id = caseIdFor(actor.requirePerson()._id);
    const [c, records] = await Promise.all([store.get<CaseDoc>(CASES, id), recordsOf(store, id)]);
    return c ? caseView(c, records, actor.person, today) : null;
  },
});

export const pipelineList = defineAction({
  name: 'pipeline.list',
  summary: '本支部的发展档案：按阶段、是否逾期筛选，按到期日排序（本支部书记、支委与上级党委）',
  access: { kind: 'member' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, today }, input) {
    const units = await unitIndex(store);
    const branch = units.get(input.branchId);
    if (!branch) throw new DomainError('UNIT_NOT_FOUND');
    const scope = lineScope(branch, 'party', kindIndex(units));
    const probe = { scope, branchId: branch._id };
    if (!isBranchOfficer(actor.person, branch._id, today) && !isCommitteeOver(actor.person, probe, today)) {
      throw new DomainError('OUT_OF_SCOPE');
    }
    const _ = store.command;
    const where: Record<string, unknown> = { branchId: branch._id };
    if (input.stage) where.stage = input.stage;
    if (input.overdue === true) where.nextDue = _.lt(today);
    if (input.overdue === false) where.nextDue = _.gte(today);
    const page = await store.page<CaseDoc>(CASES, where, {
      orderBy: [
        ['nextDue', 'asc'],
        ['_id', 'asc'],
      ],
      page: input.page,
      pageSize: input.pageSize,
    });
    return mapPage(page, (c) => cardView(c, today));
  },
});

/** Committee steps a committee sees on its to-do list (A11, A17, A22; A20: an extension or a cancellation to approve). */
const COMMITTEE_ITEMS = [
  'pre_examine',
  'approve_acceptance',
  'approve_conversion',
  'approve_extension',
  'approve_cancellation',
];

export const pipelineTodo = defineAction({
  name: 'pipeline.todo',
  summary:
    '待办：本人任书记、支委的支部和担任培养联系人的发展档案中逾期和即将到期的事项，以及上级党委待预审、待审批的事项',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store, today }, input) {
    const me = actor.requirePerson();
    const _ = store.command;
    const branches = officerBranches(me, today);
    const committees = committeeUnits(me, today);
    const horizon = addDays(today, input.days);
    const ors: Record<string, unknown>[] = [{ 'contacts.id': me._id }];
    if (branches.length) ors.push({ branchId: _.in(branches) });
    const due = _.and([_.or(ors), { nextDue: _.lte(horizon) }]);
    // A committee's items wait on it whatever their due day (A20 sets none for an extension or a cancellation).
    const query = committees.length ? _.or([due, { scope: _.in(committees), nextKind: _.in(COMMITTEE_ITEMS) }]) : due;
    const [rows, filings] = await Promise.all([
      store.find<CaseDoc>(CASES, query, {
        orderBy: [
          ['nextDue', 'asc'],
          ['_id', 'asc'],
        ],
        limit: 100,
      }),
      // A4/A7: the filings waiting for the committee's acknowledgement (never due: filing is not approval).
      committees.length
        ? store.find<CaseDoc>(CASES, filingsAwaitedWhere(store, committees), {
            orderBy: FILINGS_ORDER,
            limit: 100,
          })
        : Promise.resolve([]),
    ]);
    const items = rows.flatMap((c): TodoView[] => {
      const next = nextView(nextItem(c), today);
      if (!next) return [];
      return [
        {
          caseId: c._id,
          personName: c.personName,
          branchId: c.branchId,
          branchName: c.branchName,
          stage: c.stage,
          next,
          role: isContact(me, c) && !branches.includes(c.branchId) ? 'contact' : 'officer',
        },
      ];
    });
    const acknowledge = filings
      .filter((c) => isCommitteeOver(me, c, today))
      .flatMap((c) =>
        filingDecisions(c).map(
          (d): TodoView => ({
            caseId: c._id,
            personName: c.personName,
            branchId: c.branchId,
            branchName: c.branchName,
            stage: c.stage,
            next: {
              kind: d.decision === 'activist' ? 'filing_activist' : 'filing_candidate',
              label: PIPELINE_TODO_LABELS[d.decision === 'activist' ? 'filing_activist' : 'filing_candidate'],
              due: null,
              notBefore: d.decidedOn,
              overdue: false,
            },
            role: 'officer',
          }),
        ),
      );
    return [...items, ...acknowledge];
  },
});
