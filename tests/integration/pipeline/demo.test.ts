/**
 * The demo world's students on the development pipeline, made by the real actions (emulator/demo/world.ts and
 * world-members.ts): someone at every stage, applicant to full member, with an extension of probation.
 */

import { demoPersonId } from '../../../emulator/demo/school';
import { addDays, shanghaiDate } from '../../../server/domain/time';
import { addMonthsClamped } from '../../../server/domain/votes';
import type { CaseView } from '../../../typings/actions';
import type { Person } from '../../../typings/domain';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
// Seeding the whole world takes a few hundred actions: seconds on a quiet core, much more on a busy one.
beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'full' });
}, 120_000);
afterAll(() => emu?.close());

describe('demo 发展党员', () => {
  it('has an applicant whose talk is overdue on the branch officers’ to-do list', async () => {
    const caseId = emu.world?.cases?.applicant_overdue as string;
    const view = expectOk(await emu.call('sport_masses', 'pipeline.mine', {}));
    expect(view).toMatchObject({ caseId, stage: 'applicant', next: { kind: 'application_talk', overdue: true } });
    const todo = expectOk(await emu.call('sport_pb_sec', 'pipeline.todo', {}));
    expect(todo.some((t) => t.caseId === caseId && t.next.overdue)).toBe(true);
  });

  it('has an applicant after the talk and an activist with a cultivation contact, each in their own branch', async () => {
    const talked = expectOk(
      await emu.call('sport_pb_sec', 'pipeline.get', { caseId: emu.world?.cases?.applicant_talked as string }),
    );
    expect(talked).toMatchObject({ stage: 'applicant', nextStep: 'determine_activist' });
    const activist = expectOk(
      await emu.call('info_full1', 'pipeline.get', { caseId: emu.world?.cases?.activist as string }),
    );
    expect(activist).toMatchObject({ stage: 'activist', branchId: 'u_info_pb', chain: { cultivatedBy: ['钱程'] } });
    const list = expectOk(await emu.call('info_pb_sec', 'pipeline.list', { branchId: 'u_info_pb', stage: 'activist' }));
    expect(list.items.map((c) => c.personName)).toContain('白露');
  });

  it('keeps an activist file for each case at the activist stage, its contacts named once, on the case (A5, A6, D6)', async () => {
    // 黄子豪 and 谢天宇 (on paper before the system) were carried over; 白露's file opened with her determination.
    for (const [who, personId, contacts] of [
      ['sport_pb_sec', 'p_2023010104', ['邓凯']],
      ['sport_pb_sec', 'p_2023010105', ['邓凯', '韩冬']],
      ['info_pb_sec', 'p_2024020204', ['钱程']],
    ] as const) {
      const c = expectOk(await emu.call(who, 'pipeline.get', { caseId: `pc_${personId}` }));
      expect(c).toMatchObject({ stage: 'activist', chain: { cultivatedBy: contacts } });
      const file = expectOk(await emu.call(who, 'activists.file', { personId }));
      expect(file.contacts.map((x) => x.name)).toEqual(contacts);
    }
    // One file for each of them, and one for 陶然, who passed the activist step (a 发展对象 now) and keeps hers.
    const files = await emu.server.db.collection('activist_files').find({});
    // The four past 发展对象 (world-members.ts) keep theirs too.
    expect(files.map((f) => f.personId).sort()).toEqual(
      [
        'p_2023010104',
        'p_2023010105',
        'p_2024020204',
        'p_2023020107',
        'p_2022020106',
        'p_2022020107',
        'p_2022020108',
        'p_2023020108',
        'p_2023020109',
      ].sort(),
    );
    expect(files.every((f) => !('contactIds' in f))).toBe(true);
    const xie = expectOk(await emu.call('bball_backbone', 'activists.file', { personId: 'p_2023010105' }));
    expect(xie.assessments.map((a) => [a.kind, a.fromUnitName, a.fromTemporary])).toEqual([
      ['assessment', '体育学院学生党支部', false],
      ['activity', '篮球协会临时团支部', true],
    ]);
  });
});

describe('demo 预备党员 and 正式党员 (world-members.ts)', () => {
  const ids = () => emu.world!;
  /** The day the vote named `name` met (its meeting day, as the pipeline counts it). */
  const meetingDay = async (name: string) => {
    const v = expectOk(await emu.call('info_pb_sec', 'votes.get', { voteId: ids().votes[name] }));
    return (v.openedAt as string).slice(0, 10);
  };
  const person = async (slug: string) =>
    (await emu.server.db.collection('people').findOne({ _id: demoPersonId(slug) })) as unknown as Person;
  /** The student's own journey (我的入党历程). */
  const mine = async (slug: string): Promise<CaseView> => {
    const v = expectOk(await emu.call(slug, 'pipeline.mine', {}));
    if (!v) throw new Error(`${slug} has no case`);
    return v;
  };
  const steps = (v: CaseView) => v.records.filter((r) => r.kind === 'step').map((r) => r.title);

  it('has a full member through conversion: standing from the end of probation, approved by the committee (A19, A22)', async () => {
    const accepted = await meetingDay('members_a_acceptance_closed');
    const view = await mine('info_convert');
    expect(view).toMatchObject({
      caseId: ids().cases?.full_member,
      stage: 'full_member',
      next: null,
      probationSince: accepted,
      standingSince: addMonthsClamped(accepted, 12),
      chain: {
        introducedBy: ['钱程', '孔令杰'],
        approvedBy: ['李红梅'],
        preExaminedBy: ['刘芳（学院）', '李红梅（学校）'],
      },
    });
    expect(steps(view)).toEqual([
      '确定为入党积极分子',
      '确定为发展对象',
      '党委预审',
      '支部大会讨论接收',
      '党委审批接收预备党员',
      '支部大会讨论转正',
      '党委审批转正',
    ]);
    // Every required talk, the oath and the two-level pre-examination are records of the case.
    const talks = view.records.filter((r) => r.kind === 'talk').map((r) => r.title.split('：')[0]);
    expect(talks).toEqual(['递交申请后谈话', '确定发展对象前谈话', '审批前谈话', '转正前谈话']);
    expect(view.records.filter((r) => r.kind === 'oath')).toHaveLength(1);
    expect(view.records.filter((r) => r.kind === 'pre_exam')).toHaveLength(2);
    const p = await person('info_convert');
    expect(p.status).toBe('full_member');
    expect(p.statusHistory.at(-1)).toEqual({ status: 'full_member', since: addMonthsClamped(accepted, 12) });
  });

  it('linked a real 公示 to acceptance and to conversion, each closed by the scheduler with no objection', async () => {
    const view = await mine('info_convert');
    const linked = view.records.filter((r) => r.noticeId).map((r) => [r.title, r.noticeId]);
    expect(linked).toEqual([
      ['支部大会讨论接收', ids().notices.members_a_acceptance],
      ['支部大会讨论转正', ids().notices.members_conversion],
    ]);
    const meetings = [await meetingDay('members_a_acceptance_closed'), await meetingDay('members_conversion_closed')];
    for (const [i, noticeId] of [ids().notices.members_a_acceptance, ids().notices.members_conversion].entries()) {
      const report = expectOk(await emu.call('info_pb_sec', 'notices.closeReport', { noticeId }));
      expect(report).toMatchObject({ kind: i === 0 ? 'acceptance' : 'conversion', objections: [] });
      expect(report.closed).toMatchObject({ outcome: 'no_objection' });
      // Published after the branch meeting for five working days; the scheduler's tick closed it as the window ended.
      expect(report.window).toMatchObject({ length: 5, unit: 'workday' });
      expect(report.window!.start > meetings[i]).toBe(true);
      expect(report.closed!.at.slice(0, 10)).toBe(addDays(report.window!.end, 1));
    }
  });

  it('has a probationary member whose probation was extended by six months and the extension approved (A20)', async () => {
    const accepted = await meetingDay('members_a_acceptance_closed');
    const view = await mine('info_extend');
    expect(view).toMatchObject({
      caseId: ids().cases?.extended,
      stage: 'probationary_member',
      probationSince: accepted,
      standingSince: null,
      // Probation now ends a year and six months after the meeting that accepted her.
      next: { kind: 'branch_convert', due: addMonthsClamped(accepted, 18), notBefore: addMonthsClamped(accepted, 18) },
    });
    expect(steps(view).slice(-2)).toEqual(['延长预备期', '党委审批延长预备期']);
    const vote = expectOk(await emu.call('info_pb_sec', 'votes.get', { voteId: ids().votes.members_extension_closed }));
    expect(vote).toMatchObject({ kind: 'extension', state: 'closed' });
    expect((await person('info_extend')).status).toBe('probationary_member');
  });

  it('has a probationary membership cancelled by the branch meeting and approved by the committee (A20)', async () => {
    const view = await mine('info_cancel');
    expect(view).toMatchObject({ caseId: ids().cases?.cancelled, stage: 'cancelled', next: null, standingSince: null });
    expect(steps(view).slice(-2)).toEqual(['取消预备党员资格', '党委审批取消预备党员资格']);
    const vote = expectOk(
      await emu.call('info_pb_sec', 'votes.get', { voteId: ids().votes.members_cancellation_closed }),
    );
    expect(vote).toMatchObject({ kind: 'cancellation', state: 'closed' });
    // No League registration on file: back to 群众, and no longer among the branch's voters.
    expect((await person('info_cancel')).status).toBe('masses');
  });

  it('has a probationary member who took the oath, and one approved who has not yet: the oath is their next item (A18)', async () => {
    const accepted = await meetingDay('members_b_acceptance_closed');
    const sworn = await mine('info_sworn');
    expect(sworn).toMatchObject({
      caseId: ids().cases?.probationary,
      stage: 'probationary_member',
      probationSince: accepted,
      next: { kind: 'branch_convert', due: addMonthsClamped(accepted, 12) },
    });
    expect(sworn.records.filter((r) => r.kind === 'oath')).toHaveLength(1);
    const waiting = expectOk(
      await emu.call('info_pb_sec', 'pipeline.get', { caseId: ids().cases!.probationary_no_oath }),
    );
    expect(waiting).toMatchObject({
      stage: 'probationary_member',
      probationSince: accepted,
      next: { kind: 'oath', due: addMonthsClamped(accepted, 12), overdue: false },
      canAct: true,
    });
    expect(waiting.records.filter((r) => r.kind === 'oath')).toHaveLength(0);
    expect(waiting.gates.find((g) => g.rule === 'A18')).toMatchObject({ state: 'fail' });
    // The two were accepted at one branch meeting, after 陶然's meetings decided them activists and 发展对象.
    for (const slug of ['info_sworn', 'info_approved']) expect((await person(slug)).status).toBe('probationary_member');
    const candidateVote = expectOk(
      await emu.call('info_pb_sec', 'votes.get', { voteId: ids().votes.pipeline_candidate_closed }),
    );
    expect(candidateVote.candidates.map((c) => c.name)).toEqual(['陶然', '苏婉', '叶舟']);
  });

  it('lets the secretary record the oath of the member who has not taken it (the oath form has someone to act on)', async () => {
    const caseId = ids().cases!.probationary_no_oath;
    const on = shanghaiDate(new Date());
    expectOk(
      await emu.call('info_pb_sec', 'pipeline.recordOath', {
        caseId,
        on,
        place: '信息学院党员活动室',
        leaderName: '林思远',
      }),
    );
    const after = await mine('info_approved');
    expect(after.next).toMatchObject({ kind: 'branch_convert' });
  });
});
