/**
 * The step form's options (pipeline.stepOptions) and a temporary branch's list of members to assess
 * (pipeline.assessable), through the api: the steps in order with who may take them, the branch's closed votes and
 * 公示 naming the person with what the gates say of each, the round trips constant in the branch's size; and D6 both
 * ways — a temporary branch's officers see their own members with an open case (name and home branch only), anyone
 * else is refused, and a refusal writes nothing. The permission table lists both actions in provedInDomainSuite.
 */
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, COMMITTEE_MEMBER, footprint, passVote, SECRETARY } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** A student of the branch who applied on 2026-10-05 and had the talk and the members' recommendation. */
async function applicant(no: string, extra: { memberOf?: string[]; name?: string } = {}) {
  at(emu, '2026-10-05');
  const student = await addStudent(emu, no, extra);
  const { caseId } = expectOk(
    await emu.call(student.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
  );
  expectOk(
    await emu.call(SECRETARY, 'pipeline.recordTalk', {
      caseId,
      kind: 'application',
      on: '2026-10-05',
      topics: '提纲',
      content: '内容',
      opinion: '意见',
    }),
  );
  expectOk(
    await emu.call(SECRETARY, 'pipeline.recordRecommendation', {
      caseId,
      on: '2026-10-05',
      recommenderIds: ['p_2022010103'],
      content: '推荐',
    }),
  );
  return { ...student, caseId };
}

describe('the step form offers what the case can do next', () => {
  it('offers the secretary the activist step with the branch’s closed votes naming the student, newest first, saying which would do', async () => {
    const s = await applicant('2026041001');
    const failed = await passVote(emu, 'activist_determination', s.id, '2026-10-10', { no: true });
    const passed = await passVote(emu, 'activist_determination', s.id, '2026-10-12');
    // Another student's vote is not offered.
    const other = await applicant('2026041002');
    await passVote(emu, 'activist_determination', other.id, '2026-10-13');
    at(emu, '2026-10-14');
    const view = expectOk(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: s.caseId }));
    expect(view.stageLabel).toBe('入党申请人');
    expect(view.steps.map((x) => x.step)).toEqual(['determine_activist']);
    const [step] = view.steps;
    expect(step).toMatchObject({ mayTake: true, reason: null, needs: { vote: true, approvalRef: false } });
    expect(step.votes.map((v) => [v.id, v.passed, v.fits])).toEqual([
      [passed, true, true],
      [failed, false, false],
    ]);
    expect(step.votes[1].why).toBe('表决未通过');
    expect(step.votes[0]).toMatchObject({ date: '2026-10-12', resultLabel: '通过' });
    // The vote the form offered is the one the step takes.
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'determine_activist',
        meetingRef: '支委会记录',
        voteId: step.votes[0].id,
      }),
    );
    const after = expectOk(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: s.caseId }));
    expect(after.steps.map((x) => x.step)).toEqual(['determine_candidate']);
    expect(after.steps[0].votes).toEqual([]);
  });

  it('says from which day a step can be taken when it cannot be yet: the 发展对象 decision a year after the activist one (A7)', async () => {
    const s = await applicant('2026041003');
    const vote = await passVote(emu, 'activist_determination', s.id, '2026-10-12');
    at(emu, '2026-10-12', '16:00');
    expectOk(
      await emu.call(SECRETARY, 'pipeline.takeStep', {
        caseId: s.caseId,
        step: 'determine_activist',
        meetingRef: '支委会记录',
        voteId: vote,
      }),
    );
    at(emu, '2026-10-14');
    const early = expectOk(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: s.caseId }));
    expect(early.steps.find((x) => x.step === 'determine_candidate')?.notBefore).toBe('2027-10-12');
    // On the day itself the step can be taken: nothing is said.
    at(emu, '2027-10-12');
    const due = expectOk(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: s.caseId }));
    expect(due.steps.find((x) => x.step === 'determine_candidate')?.notBefore).toBeNull();
  });

  it('offers the 公示 naming the student, saying an open one will do only once its window has ended', async () => {
    const s = await applicant('2026041501');
    const { noticeId } = expectOk(
      await emu.call(SECRETARY, 'notices.create', {
        unitId: BRANCH,
        kind: 'activist',
        title: '入党积极分子公示',
        body: '拟确定下列同志为入党积极分子。',
        subjects: [{ personId: s.id, name: '林小满' }],
        scopeUnitIds: [BRANCH],
        window: { start: '2026-10-06', length: 5, unit: 'workday' },
      }),
    );
    expectOk(await emu.call(SECRETARY, 'notices.publish', { noticeId }));
    at(emu, '2026-10-08');
    const open = expectOk(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: s.caseId })).steps[0];
    expect(open.needs.notice).not.toBeNull();
    expect(open.notices).toHaveLength(1);
    expect(open.notices[0]).toMatchObject({ id: noticeId, state: 'open', stateLabel: '公示中', fits: false });
    expect(open.notices[0].why).toContain('须在公示期满后办理');
    at(emu, '2026-10-20');
    const closed = expectOk(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: s.caseId })).steps[0];
    expect(closed.notices[0]).toMatchObject({ id: noticeId, state: 'closed', fits: true, why: null });
    expect(closed.notices[0].windowEnd).toBe(open.notices[0].windowEnd);
  });

  it('shows a committee the branch’s step as not theirs, with the reason and no evidence', async () => {
    const s = await applicant('2026041101');
    await passVote(emu, 'activist_determination', s.id, '2026-10-12');
    const view = expectOk(await emu.call('sport_officer', 'pipeline.stepOptions', { caseId: s.caseId }));
    expect(view.steps).toHaveLength(1);
    expect(view.steps[0]).toMatchObject({
      step: 'determine_activist',
      mayTake: false,
      reason: '只有本人所在党支部的书记或支委可以办理此事项',
      votes: [],
      notices: [],
    });
    // The student sees their own steps, none of them theirs to take.
    const own = expectOk(await emu.call(s.who, 'pipeline.stepOptions', { caseId: s.caseId }));
    expect(own.steps[0]).toMatchObject({ mayTake: false, votes: [] });
  });

  it('refuses another branch, the League committee, a temporary branch and an unknown case alike, writing nothing', async () => {
    const s = await applicant('2026041201');
    for (const who of ['info_pb_sec', 'league_admin', 'sport_full2', 'sport_masses']) {
      const before = await footprint(emu, s.id);
      expect([who, errorCode(await emu.call(who, 'pipeline.stepOptions', { caseId: s.caseId }))]).toEqual([
        who,
        'OUT_OF_SCOPE',
      ]);
      expect(await footprint(emu, s.id)).toBe(before);
    }
    expect(errorCode(await emu.call(SECRETARY, 'pipeline.stepOptions', { caseId: 'pc_p_nobody' }))).toBe(
      'OUT_OF_SCOPE',
    );
  });

  it('answers in the same round trips however many votes and cases the branch has', async () => {
    const first = await applicant('2026041301');
    await passVote(emu, 'activist_determination', first.id, '2026-10-12');
    at(emu, '2026-10-14');
    const trips = async (caseId: string) => {
      const r = await emu.invoke('pipeline.stepOptions', { caseId }, COMMITTEE_MEMBER);
      expect(r.body).toMatchObject({ ok: true });
      return r.roundTrips;
    };
    const before = await trips(first.caseId);
    // The caller, the case, the votes and the 公示 naming the student (side by side), the votes' results: five.
    expect(before).toBe(5);
    for (const no of ['2026041302', '2026041303', '2026041304']) {
      const s = await applicant(no);
      await passVote(emu, 'activist_determination', s.id, '2026-10-12');
    }
    await passVote(emu, 'activist_determination', first.id, '2026-10-13', { no: true });
    at(emu, '2026-10-14');
    expect(await trips(first.caseId)).toBe(before);
  });
});

describe('D6: a temporary branch’s officers send assessments home about their own members', () => {
  it('lists the temporary branch’s members with an open case by name and home branch only, and the row is what recordAssessment takes', async () => {
    const member = await applicant('2026042001', { memberOf: ['u_as_bball', 'u_as_bball_tpb'], name: '周可' });
    // Members of the temporary branch without a case, and students with a case outside it, are not listed.
    await applicant('2026042002', { memberOf: ['u_as_taiji', 'u_as_taiji_tpb'], name: '吴桐' });
    at(emu, '2026-10-20');
    // 曹宁 (sport_full2) is the secretary of the basketball association's temporary party branch.
    const page = expectOk(await emu.call('sport_full2', 'pipeline.assessable', { page: 1, pageSize: 20 }));
    expect(page.units).toEqual([{ id: 'u_as_bball_tpb', name: '篮球协会临时党支部' }]);
    expect(page.items).toEqual([
      {
        personId: member.id,
        personName: '周可',
        homeBranchName: expect.any(String),
        unitId: 'u_as_bball_tpb',
        unitName: '篮球协会临时党支部',
      },
    ]);
    expect(Object.keys(page.items[0]).sort()).toEqual([
      'homeBranchName',
      'personId',
      'personName',
      'unitId',
      'unitName',
    ]);
    const row = page.items[0];
    expectOk(
      await emu.call('sport_full2', 'pipeline.recordAssessment', {
        personId: row.personId,
        unitId: row.unitId,
        kind: 'activity',
        on: '2026-10-20',
        content: '参加篮球联赛志愿服务',
        opinion: '表现良好',
      }),
    );
    // The taiji association's temporary branch sees its own member only.
    const taiji = expectOk(await emu.call('sport_full1', 'pipeline.assessable', { page: 1, pageSize: 20 }));
    expect(taiji.items.map((i) => i.personName)).toEqual(['吴桐']);
  });

  it('pages the list by name', async () => {
    for (const [no, name] of [
      ['2026042101', '甲一'],
      ['2026042102', '乙二'],
    ] as const) {
      await applicant(no, { memberOf: ['u_as_vol', 'u_as_vol_tpb'], name });
    }
    at(emu, '2026-10-20');
    const first = expectOk(await emu.call('info_pb_cm', 'pipeline.assessable', { page: 1, pageSize: 1 }));
    const second = expectOk(await emu.call('info_pb_cm', 'pipeline.assessable', { page: 2, pageSize: 1 }));
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect([...first.items, ...second.items].map((i) => i.personName).sort()).toEqual(['乙二', '甲一'].sort());
  });

  it('costs the caller, the units, the members and their cases: four round trips for a branch of under a hundred', async () => {
    at(emu, '2026-10-20');
    const trips = async () => {
      const r = await emu.invoke('pipeline.assessable', { page: 1, pageSize: 20 }, 'sport_full2');
      expect(r.body).toMatchObject({ ok: true });
      return r.roundTrips;
    };
    expect(await trips()).toBe(4);
    for (const no of ['2026042201', '2026042202', '2026042203']) {
      await applicant(no, { memberOf: ['u_as_bball', 'u_as_bball_tpb'] });
    }
    at(emu, '2026-10-20');
    expect(await trips()).toBe(4);
  });

  it('refuses someone who is no temporary branch’s officer, and another temporary branch’s, writing nothing', async () => {
    at(emu, '2026-10-20');
    for (const [who, input] of [
      [SECRETARY, {}],
      ['sport_masses', {}],
      ['sport_officer', {}],
      ['sport_full1', { unitId: 'u_as_bball_tpb' }],
    ] as const) {
      const before = await footprint(emu);
      expect([who, errorCode(await emu.call(who, 'pipeline.assessable', { page: 1, pageSize: 20, ...input }))]).toEqual(
        [who, 'OUT_OF_SCOPE'],
      );
      expect(await footprint(emu)).toBe(before);
    }
  });
});
