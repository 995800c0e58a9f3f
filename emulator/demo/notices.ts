/**
 * Demo 公示 in every state: a draft, two open (one with a real-name and an anonymous objection, both pending),
 * one scheduled, three closed (no objection; objections handled; an objection still pending) and one withdrawn.
 *
 * Dates are relative to the day the emulator is seeded (`now`), so "open" is open whenever someone runs the demo.
 * Each notice is taken through the domain's own transitions at simulated past instants (drafted and published the
 * day before its window, objections during it, closed at its end), so the stored documents are exactly what the
 * actions and the scheduler would have written.
 */
import {
  close,
  createDraft,
  effectiveState,
  handleObjection,
  type Notice,
  publicityWindow,
  publish,
  submitObjection,
  type WindowSpec,
  withdraw,
} from '../../server/domain/notices';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../server/domain/time';
import {
  type ArchiveDoc,
  archiveDocOf,
  type NoticeDoc,
  type ObjectionDoc,
  objectorKeyOf,
  tallyKeyOf,
  toDomainObjection,
  withPhase,
} from '../../server/actions/notices/shared';
import type { NoticeKind } from '../../typings/actions';
import type { Person, RuleVersion, Unit } from '../../typings/domain';

interface ObjectionSpec {
  by: string;
  anonymous: boolean;
  text: string;
  handled?: { by: string; outcome: 'upheld' | 'dismissed'; investigation: string };
}

interface NoticeSpec {
  id: string;
  unitId: string;
  by: string;
  kind: NoticeKind;
  ruleVersion?: RuleVersion;
  title: string;
  body: string;
  subjects: string[];
  scope: string[];
  length: number;
  unit: WindowSpec['unit'];
  /** Where the window sits relative to today. */
  when: { startIn: number } | { endedAtLeastDaysAgo: number };
  fate: 'draft' | 'published' | 'closed' | 'withdrawn';
  withdrawReason?: string;
  objections?: ObjectionSpec[];
}

const SPECS: NoticeSpec[] = [
  {
    id: 'n_demo_draft',
    unitId: 'u_sport_pb',
    by: '2022010101',
    kind: 'development_candidate',
    ruleVersion: '2026.05',
    title: '关于拟确定罗浩然同志为发展对象的公示',
    body: '经体育学院学生党支部委员会研究，并报上级党委同意，拟确定罗浩然同志为发展对象。公示期间，如有异议，请通过“领雁”小程序实名或匿名反映。',
    subjects: ['2023010103'],
    scope: ['u_sport_pb'],
    length: 5,
    unit: 'workday',
    when: { startIn: 5 },
    fate: 'draft',
  },
  {
    id: 'n_demo_open',
    unitId: 'u_sport_lb1',
    by: '2023010104',
    kind: 'tuiyou',
    title: '体育学院2023级1班团支部推优名单公示',
    body: '经团支部大会无记名投票，推荐蒋文博同志作为入党积极分子人选。现予公示，公示期间如有异议，请向团支部或学院团委反映。',
    subjects: ['2023010108'],
    scope: ['u_sport_lb1'],
    length: 5,
    unit: 'workday',
    when: { startIn: -1 },
    fate: 'published',
  },
  {
    id: 'n_demo_open_objected',
    unitId: 'u_sport',
    by: 'T0101',
    kind: 'honor',
    title: '2026年度体育学院优秀团员评选结果公示',
    body: '根据团员教育评议结果，经学院团委审核，拟评定何静、冯晨、沈可欣等同志为2026年度优秀团员。现予公示。',
    subjects: ['2022010102', '2023010101', '2023010109'],
    scope: ['u_sport'],
    length: 7,
    unit: 'calendar_day',
    when: { startIn: -2 },
    fate: 'published',
    objections: [
      { by: '2023010109', anonymous: false, text: '本人名字写错了，应为“沈可欣”，请核对后更正。' },
      { by: '2023010110', anonymous: true, text: '名单中有同学本学期团日活动多次缺席，建议核实评议过程。' },
    ],
  },
  {
    id: 'n_demo_scheduled',
    unitId: 'u_info_pb',
    by: '2022020102',
    kind: 'conversion',
    title: '关于杨帆同志预备党员转正的公示',
    body: '杨帆同志预备期即将期满，本人已提出转正申请。经支部委员会审查，拟提交支部大会讨论其转正问题。现予公示。',
    subjects: ['2023020101'],
    scope: ['u_info_pb'],
    length: 5,
    unit: 'workday',
    when: { startIn: 2 },
    fate: 'published',
  },
  {
    id: 'n_demo_closed_clean',
    unitId: 'u_info_lb1',
    by: '2023020103',
    kind: 'tuiyou',
    title: '信息学院2023级1班团支部推优名单公示',
    body: '经团支部大会无记名投票，推荐朱晓雯同志作为入党积极分子人选。现予公示。',
    subjects: ['2023020102'],
    scope: ['u_info_lb1'],
    length: 5,
    unit: 'workday',
    when: { endedAtLeastDaysAgo: 12 },
    fate: 'closed',
  },
  {
    id: 'n_demo_closed_handled',
    unitId: 'u_as_bball_tpb',
    by: '2022010104',
    kind: 'backbone',
    title: '篮球协会骨干选任公示',
    body: '经社团推荐、临时党支部考察，拟选任谢天宇同志为篮球协会骨干。现予公示。',
    subjects: ['2023010105'],
    scope: ['u_as_bball_tpb'],
    length: 5,
    unit: 'workday',
    when: { endedAtLeastDaysAgo: 6 },
    fate: 'closed',
    objections: [
      {
        by: '2023010101',
        anonymous: false,
        text: '谢天宇同志上学期训练出勤情况是否核实过？',
        handled: {
          by: '2022010104',
          outcome: 'dismissed',
          investigation: '经核对社团考勤记录，谢天宇同志上学期训练出勤率为92%，符合骨干选任条件，异议不成立。',
        },
      },
    ],
  },
  {
    id: 'n_demo_closed_pending',
    unitId: 'u_sport_pb',
    by: '2022010101',
    kind: 'activist',
    title: '关于拟确定黄子豪同志为入党积极分子的公示',
    body: '经团组织推优、支部委员会研究，拟确定黄子豪同志为入党积极分子。现予公示。',
    subjects: ['2023010104'],
    scope: ['u_sport_pb'],
    length: 5,
    unit: 'workday',
    when: { endedAtLeastDaysAgo: 2 },
    fate: 'closed',
    objections: [
      {
        by: '2023010102',
        anonymous: false,
        text: '建议补充黄子豪同志的思想汇报情况。',
        handled: {
          by: '2022010101',
          outcome: 'dismissed',
          investigation: '已核实黄子豪同志按时提交思想汇报共4篇，材料齐全。',
        },
      },
      { by: '2022010105', anonymous: true, text: '该同志在班级事务中有不实表现，请组织进一步了解。' },
    ],
  },
  {
    id: 'n_demo_withdrawn',
    unitId: 'u_as_taiji_tpb',
    by: '2022010103',
    kind: 'backbone',
    title: '太极拳社骨干选任公示',
    body: '经社团推荐、临时党支部考察，拟选任许嘉同志为太极拳社骨干。现予公示。',
    subjects: ['2023010107'],
    scope: ['u_as_taiji_tpb'],
    length: 5,
    unit: 'workday',
    when: { startIn: -1 },
    fate: 'withdrawn',
    withdrawReason: '公示对象信息有误，更正后重新发布。',
  },
];

/** At hh:mm Shanghai time on a day. */
function at(date: string, hours: number): Date {
  return new Date(startOfShanghaiDay(date).getTime() + hours * 3600_000);
}

/** The start day of a window of this spec; for an ended window, the latest start whose end is far enough back. */
function startFor(spec: NoticeSpec, today: string): string {
  if ('startIn' in spec.when) return addDays(today, spec.when.startIn);
  const latestEnd = addDays(today, -spec.when.endedAtLeastDaysAgo);
  for (let back = spec.when.endedAtLeastDaysAgo; ; back++) {
    const start = addDays(today, -back);
    const w = publicityWindow({ start, length: spec.length, unit: spec.unit, counting: 'inclusive' });
    if (w.end <= latestEnd) return start;
  }
}

export interface DemoNotices {
  notices: NoticeDoc[];
  objections: ObjectionDoc[];
  archives: ArchiveDoc[];
}

export function demoNotices(units: Unit[], people: Person[], now: Date = new Date()): DemoNotices {
  const unitById = new Map(units.map((u) => [u._id, u]));
  const personByNo = new Map(people.map((p) => [p.studentNo, p]));
  const pid = (no: string) => `p_${no}`;
  const today = shanghaiDate(now);
  const out: DemoNotices = { notices: [], objections: [], archives: [] };

  for (const spec of SPECS) {
    const owner = unitById.get(spec.unitId)!;
    const start = startFor(spec, today);
    const drafted = at(addDays(start, -1), 10);
    let n: Notice = createDraft(
      {
        _id: spec.id,
        unitId: owner._id,
        ruleVersion: spec.ruleVersion ?? '2014',
        kind: spec.kind,
        title: spec.title,
        body: spec.body,
        subjects: spec.subjects.map((no) => ({ personId: pid(no), name: personByNo.get(no)!.name })),
        scopeUnitIds: spec.scope,
        spec: { start, length: spec.length, unit: spec.unit, counting: 'inclusive' },
        by: pid(spec.by),
      },
      // A draft kept for later was written today; the others the day before their window.
      spec.fate === 'draft' ? new Date(Math.min(now.getTime(), at(today, 9).getTime())) : drafted,
    );
    if (spec.fate !== 'draft') n = publish(n, at(addDays(start, -1), 11), { by: pid(spec.by) });

    const objections: ObjectionDoc[] = (spec.objections ?? []).map((o, i) => {
      const objector = personByNo.get(o.by)!;
      const submittedAt = new Date(n.published!.window.opensAt.getTime() + (i + 1) * 5 * 3600_000);
      let domain = submitObjection(
        n,
        {
          _id: `obj_${spec.id.slice(2)}_${i + 1}`,
          objectorId: objector._id,
          objectorName: objector.name,
          anonymous: o.anonymous,
          text: o.text,
        },
        submittedAt,
      );
      let handledByName = '';
      if (o.handled) {
        const handler = personByNo.get(o.handled.by)!;
        const handledAt = new Date(Math.min(now.getTime() - 3600_000, submittedAt.getTime() + 26 * 3600_000));
        domain = handleObjection(domain, { ...o.handled, handledBy: handler._id }, handledAt);
        handledByName = handler.name;
      }
      return {
        _id: domain._id,
        noticeId: n._id,
        noticeTitle: n.title,
        ownerScope: [owner._id, ...owner.ancestors],
        anonymous: o.anonymous,
        objectorKey: objectorKeyOf(objector._id),
        objectorId: o.anonymous ? null : objector._id,
        objectorName: domain.objectorName,
        text: domain.text,
        submittedAt: domain.submittedAt,
        needsReview: false,
        handling: domain.handling && { ...domain.handling, handledByName },
      };
    });

    if (spec.fate === 'closed') {
      const end = n.published!.window.closesAt;
      const closed = close(n, objections.map(toDomainObjection), end);
      n = { ...closed, closed: { at: end, outcome: closed.closed!.outcome } };
    }
    if (spec.fate === 'withdrawn')
      n = withdraw(n, spec.withdrawReason!, at(today, 8) < now ? at(today, 8) : now, pid(spec.by));

    const tally: Record<string, number> = {};
    for (const o of spec.objections ?? []) {
      const key = tallyKeyOf(n._id, pid(o.by));
      tally[key] = (tally[key] ?? 0) + 1;
    }
    const doc: NoticeDoc = withPhase(
      {
        ...n,
        ownerScope: [owner._id, ...owner.ancestors],
        unitName: owner.name,
        scopeUnits: spec.scope.map((id) => ({ unitId: id, unitName: unitById.get(id)!.name })),
        posted: spec.fate !== 'draft',
        phase: 'draft',
        listOrder: 0,
        objectionCounts: { total: objections.length, pending: objections.filter((o) => !o.handling).length },
        objectorTally: tally,
      },
      now,
    );
    if (spec.fate === 'published' && effectiveState(doc, now) === 'closed') {
      throw new Error(`demo notice ${spec.id} would already be closed on ${today}`);
    }
    out.notices.push(doc);
    out.objections.push(...objections);
    if (doc.status === 'closed' || doc.status === 'withdrawn') {
      out.archives.push(archiveDocOf(doc, objections, doc.closed?.at ?? doc.withdrawn!.at, null));
    }
  }
  return out;
}
