/**
 * Lines of authority, publication and eligibility through the production api function: the party committee governs
 * party business, the League committee League business and (through the federation) the associations, a college's
 * officers both lines in their college. Every refusal shows its code and that nothing was written.
 */
import type { NoticeWindowSettingView, OfficerObjectionView, Page, PersonView } from '../../../typings/actions';
import { type Envelope, errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock('2026-11-23T09:00:00+08:00'); // a Monday
});
afterAll(() => emu.close());

const COLLECTIONS = ['votes', 'notices', 'objections', 'people', 'settings', 'audit'];

async function footprint(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const c of COLLECTIONS) out[c] = await emu.server.db.collection(c).count();
  // People are updated in place: their positions are what an assignment would change.
  out.positions = JSON.stringify(
    ((await emu.server.db.collection('people').find({})) as { _id: string; positions: unknown; memberOf: unknown }[])
      .map((p) => [p._id, p.positions, p.memberOf])
      .sort(),
  );
  return out;
}

/** Runs a call that must be refused with `code`, and proves it wrote nothing. */
async function refused(code: string, call: () => Promise<Envelope>): Promise<void> {
  const before = await footprint();
  expect(errorCode(await call())).toBe(code);
  expect(await footprint()).toEqual(before);
}

const WEEK = { start: '2026-11-23', length: 5, unit: 'workday' } as const;

const acceptanceVote = (unitId: string) => ({
  unitId,
  kind: 'acceptance',
  title: '接收预备党员表决',
  scheduledStart: '2026-12-03T14:00:00+08:00',
  candidateIds: ['p_2023010103'], // 罗浩然, 发展对象 of 体育学院学生党支部
});

const tuiyouVote = {
  unitId: 'u_sport_lb1',
  kind: 'tuiyou',
  title: '推优表决',
  scheduledStart: '2026-12-03T14:00:00+08:00',
  candidateIds: ['p_2023010106'], // 唐诗雨, 入党申请人 and League member of 体育学院2023级1班团支部
  tuiyouTarget: 'activist',
};

describe('votes stay in their line', () => {
  it('refuses the League committee an acceptance vote in a party branch; the party committee may', async () => {
    await refused('OUT_OF_SCOPE', () => emu.as('league_admin', 'votes.create', acceptanceVote('u_sport_pb')));
    expectOk(await emu.as('party_admin', 'votes.create', acceptanceVote('u_sport_pb')));
  });

  it('refuses the party committee a 推优 vote in a League branch; the League committee may', async () => {
    await refused('OUT_OF_SCOPE', () => emu.as('party_admin', 'votes.create', tuiyouVote));
    expectOk(await emu.as('league_admin', 'votes.create', tuiyouVote));
  });

  it('lets a college officer run both lines in the college, and refuses him the other college', async () => {
    expectOk(await emu.as('sport_officer', 'votes.create', tuiyouVote));
    expectOk(await emu.as('sport_officer', 'votes.create', acceptanceVote('u_sport_pb')));
    await refused('OUT_OF_SCOPE', () => emu.as('info_officer', 'votes.create', acceptanceVote('u_sport_pb')));
  });

  it('keeps later steps of a vote in its line: the League committee cannot cancel a party branch vote', async () => {
    const { voteId } = expectOk(
      await emu.as<{ voteId: string }>('sport_pb_sec', 'votes.create', acceptanceVote('u_sport_pb')),
    );
    await refused('OUT_OF_SCOPE', () => emu.as('league_admin', 'votes.cancel', { voteId, reason: '越权撤销' }));
    expectOk(await emu.as('party_admin', 'votes.cancel', { voteId, reason: '会议改期' }));
  });
});

describe('positions stay in their line and go to those who may hold them', () => {
  it('refuses the League admin making himself a party branch secretary', async () => {
    await refused('OUT_OF_SCOPE', () =>
      emu.as('league_admin', 'positions.assign', {
        personId: 'p_T0003',
        unitId: 'u_sport_pb',
        role: 'branch_secretary',
      }),
    );
  });

  it('refuses the party admin ending a League branch secretary’s term', async () => {
    const person = (await emu.server.db.collection('people').findOne({ _id: 'p_2024020201' })) as {
      positions: { id: string }[];
    };
    await refused('OUT_OF_SCOPE', () =>
      emu.as('party_admin', 'positions.end', { personId: 'p_2024020201', positionId: person.positions[0]!.id }),
    );
  });

  it('makes only a formal party member of the branch its secretary or committee member', async () => {
    // 冯晨 is a probationary member of 体育学院学生党支部; 钱程 a formal member of 信息学院学生党支部.
    await refused('HOLDER_NOT_ELIGIBLE', () =>
      emu.as('party_admin', 'positions.assign', {
        personId: 'p_2023010101',
        unitId: 'u_sport_pb',
        role: 'branch_committee',
      }),
    );
    await refused('HOLDER_NOT_ELIGIBLE', () =>
      emu.as('party_admin', 'positions.assign', {
        personId: 'p_2022020104',
        unitId: 'u_sport_pb',
        role: 'branch_committee',
      }),
    );
    expectOk(
      await emu.as('party_admin', 'positions.assign', {
        personId: 'p_2022010105',
        unitId: 'u_sport_pb',
        role: 'branch_committee',
      }),
    );
  });

  it('makes only a League member of the branch a League branch secretary', async () => {
    // 吕航 (群众) is no League member; 袁梦 is a League member of another class.
    await refused('HOLDER_NOT_ELIGIBLE', () =>
      emu.as('league_admin', 'positions.assign', {
        personId: 'p_2023010110',
        unitId: 'u_sport_lb1',
        role: 'branch_committee',
      }),
    );
    await refused('HOLDER_NOT_ELIGIBLE', () =>
      emu.as('league_admin', 'positions.assign', {
        personId: 'p_2024020202',
        unitId: 'u_sport_lb1',
        role: 'branch_committee',
      }),
    );
    // 冯晨, a probationary party member still registered in the class League branch, counts as a League member.
    expectOk(
      await emu.as('league_admin', 'positions.assign', {
        personId: 'p_2023010101',
        unitId: 'u_sport_lb1',
        role: 'branch_committee',
      }),
    );
  });

  it('never changes membership: an advisor appointed to an association does not join it', async () => {
    const before = (await emu.server.db.collection('people').findOne({ _id: 'p_T0103' })) as {
      memberOf: string[];
      reach: string[];
    };
    expectOk(
      await emu.as('sport_officer', 'positions.assign', { personId: 'p_T0103', unitId: 'u_as_bball', role: 'advisor' }),
    );
    const after = (await emu.server.db.collection('people').findOne({ _id: 'p_T0103' })) as typeof before;
    expect(after.memberOf).toEqual(before.memberOf);
    expect(after.reach).toEqual(before.reach);
  });

  it('refuses a backbone who is not a member of the association', async () => {
    await refused('HOLDER_NOT_ELIGIBLE', () =>
      emu.as('sport_officer', 'positions.assign', { personId: 'p_2023010109', unitId: 'u_as_bball', role: 'backbone' }),
    );
  });
});

describe('公示 come from where their step is taken', () => {
  const notice = (unitId: string, kind: string, extra: Record<string, unknown> = {}) => ({
    unitId,
    kind,
    title: '公示',
    body: '现予公示。',
    subjects: [{ personId: 'p_2023010103', name: '罗浩然' }],
    scopeUnitIds: [unitId],
    window: WEEK,
    ...extra,
  });

  it('refuses a temporary party branch an acceptance 公示, even of one working day', async () => {
    await refused('NOTICE_ORIGIN_INVALID', () =>
      emu.as(
        'sport_full2',
        'notices.create',
        notice('u_as_bball_tpb', 'acceptance', { window: { ...WEEK, length: 1 } }),
      ),
    );
  });

  it('refuses a League branch a conversion 公示 of one calendar day', async () => {
    await refused('NOTICE_ORIGIN_INVALID', () =>
      emu.as(
        'sport_lb_sec',
        'notices.create',
        notice('u_sport_lb1', 'conversion', {
          subjects: [{ personId: 'p_2023010101', name: '冯晨' }],
          window: { start: '2026-11-23', length: 1, unit: 'calendar_day' },
        }),
      ),
    );
  });

  it('refuses a party branch a 公示 about someone whose home branch is another', async () => {
    await refused('NOTICE_ORIGIN_INVALID', () =>
      emu.as(
        'sport_pb_sec',
        'notices.create',
        notice('u_sport_pb', 'development_candidate', {
          subjects: [{ personId: 'p_2023020102', name: '朱晓雯' }],
        }),
      ),
    );
    await refused('NOTICE_ORIGIN_INVALID', () =>
      emu.as(
        'sport_pb_sec',
        'notices.create',
        notice('u_sport_pb', 'development_candidate', {
          subjects: [{ name: '罗浩然' }],
        }),
      ),
    );
  });

  it('refuses a party branch a 推优 公示 (the League publishes it)', async () => {
    await refused('NOTICE_ORIGIN_INVALID', () =>
      emu.as('sport_pb_sec', 'notices.create', notice('u_sport_pb', 'tuiyou')),
    );
  });

  it('lets the home party branch post to the candidate’s class League branch and association, not elsewhere', async () => {
    const ok = expectOk(
      await emu.as<{ noticeId: string }>(
        'sport_pb_sec',
        'notices.create',
        notice('u_sport_pb', 'development_candidate', { scopeUnitIds: ['u_sport_pb', 'u_sport_lb1', 'u_as_bball'] }),
      ),
    );
    expect(ok.noticeId).toMatch(/^n_/);
    await refused('OUT_OF_SCOPE', () =>
      emu.as(
        'sport_pb_sec',
        'notices.create',
        notice('u_sport_pb', 'development_candidate', { scopeUnitIds: ['u_sport_pb', 'u_info_lb1'] }),
      ),
    );
  });
});

describe('the federation and the League stay out of party 公示', () => {
  let noticeId = '';
  let tpbNotice = '';
  beforeAll(async () => {
    noticeId = expectOk(
      await emu.as<{ noticeId: string }>('sport_pb_sec', 'notices.create', {
        unitId: 'u_sport_pb',
        kind: 'development_candidate',
        title: '发展对象公示',
        body: '拟确定罗浩然同志为发展对象，现予公示。',
        subjects: [{ personId: 'p_2023010103', name: '罗浩然' }],
        scopeUnitIds: ['u_sport_pb', 'u_as_bball'],
        window: WEEK,
      }),
    ).noticeId;
    expectOk(await emu.as('sport_pb_sec', 'notices.publish', { noticeId }));
    expectOk(
      await emu.as('sport_full3', 'notices.object', {
        noticeId,
        text: '实名反映：需进一步核实其表现',
        anonymous: false,
      }),
    );
    tpbNotice = expectOk(
      await emu.as<{ noticeId: string }>('sport_full2', 'notices.create', {
        unitId: 'u_as_bball_tpb',
        kind: 'other',
        title: '临时党支部学习安排',
        body: '本周组织理论学习。',
        subjects: [],
        scopeUnitIds: ['u_as_bball_tpb'],
        window: WEEK,
      }),
    ).noticeId;
  });

  it('refuses the League admin and the federation the real-name objections of a party branch 公示', async () => {
    await refused('OUT_OF_SCOPE', () => emu.as('league_admin', 'notices.objections', { noticeId }));
    await refused('OUT_OF_SCOPE', () => emu.as('fed_chair', 'notices.objections', { noticeId }));
    const page = expectOk(await emu.as<Page<OfficerObjectionView>>('party_admin', 'notices.objections', { noticeId }));
    expect(page.items.map((o) => o.objector?.name)).toEqual(['邓凯']);
  });

  it('refuses the federation officer writing or reading a temporary party branch’s notice', async () => {
    await refused('OUT_OF_SCOPE', () =>
      emu.as('fed_chair', 'notices.update', { noticeId: tpbNotice, title: '越权修改' }),
    );
    await refused('OUT_OF_SCOPE', () => emu.as('fed_chair', 'notices.publish', { noticeId: tpbNotice }));
    await refused('NOT_FOUND', () => emu.as('fed_chair', 'notices.get', { noticeId: tpbNotice }));
    await refused('OUT_OF_SCOPE', () =>
      emu.as('fed_chair', 'notices.create', {
        unitId: 'u_as_bball_tpb',
        kind: 'other',
        title: '越权起草',
        body: '越权起草',
        subjects: [],
        scopeUnitIds: ['u_as_bball_tpb'],
        window: WEEK,
      }),
    );
    expectOk(await emu.as('sport_full2', 'notices.publish', { noticeId: tpbNotice }));
    await refused('OUT_OF_SCOPE', () => emu.as('fed_chair', 'notices.objections', { noticeId: tpbNotice }));
    await refused('OUT_OF_SCOPE', () => emu.as('fed_chair', 'notices.get', { noticeId: tpbNotice }));
  });
});

describe('the school’s own minimum windows', () => {
  it('lets the party committee lengthen a development step’s window, audited, and applies it', async () => {
    const audit = await emu.server.db.collection('audit').count();
    const view = expectOk(
      await emu.as<NoticeWindowSettingView>('party_admin', 'notices.setWindowSettings', {
        kind: 'acceptance',
        minimum: { length: 7, unit: 'workday' },
      }),
    );
    expect(view.versions.map((v) => v.inForce)).toEqual([
      { length: 7, unit: 'workday' },
      { length: 7, unit: 'workday' },
    ]);
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 1);
    await refused('WINDOW_TOO_SHORT', () =>
      emu.as('sport_pb_sec', 'notices.create', {
        unitId: 'u_sport_pb',
        kind: 'acceptance',
        title: '接收预备党员公示',
        body: '现予公示。',
        subjects: [{ personId: 'p_2023010103', name: '罗浩然' }],
        scopeUnitIds: ['u_sport_pb'],
        window: WEEK,
      }),
    );
  });

  it('refuses a window looser than the rule version, and the League admin a party step', async () => {
    // 发展对象 under 2026.05: at least 5 working days; 3 are fewer, 7 calendar days are not always 5 working days.
    await refused('RULE_OVERRIDE_LOOSER', () =>
      emu.as('party_admin', 'notices.setWindowSettings', {
        kind: 'development_candidate',
        minimum: { length: 3, unit: 'workday' },
      }),
    );
    await refused('RULE_OVERRIDE_LOOSER', () =>
      emu.as('party_admin', 'notices.setWindowSettings', {
        kind: 'development_candidate',
        minimum: { length: 7, unit: 'calendar_day' },
      }),
    );
    await refused('OUT_OF_SCOPE', () =>
      emu.as('league_admin', 'notices.setWindowSettings', {
        kind: 'conversion',
        minimum: { length: 7, unit: 'workday' },
      }),
    );
    await refused('FORBIDDEN', () =>
      emu.as('sport_officer', 'notices.setWindowSettings', { kind: 'honor', minimum: { length: 5, unit: 'workday' } }),
    );
  });
});

describe('political status stays in its line', () => {
  const list = (who: string, unitId: string) => emu.as<Page<PersonView>>(who, 'people.list', { unitId, pageSize: 50 });

  it('hides student numbers and political status from the association president and the federation', async () => {
    for (const who of ['bball_pres', 'fed_chair']) {
      const page = expectOk(await list(who, 'u_as_bball'));
      expect(page.items.length).toBeGreaterThan(3);
      for (const p of page.items) expect([p.studentNo, p.status, p.statusLabel]).toEqual([null, null, '']);
    }
  });

  it('shows them to the college officer, the person’s branch secretaries and the committees', async () => {
    const officer = expectOk(await list('sport_officer', 'u_as_bball'));
    expect(officer.items.find((p) => p.id === 'p_2023010103')).toMatchObject({
      studentNo: '2023010103',
      status: 'development_candidate',
    });
    const secretary = expectOk(await list('sport_pb_sec', 'u_sport_pb'));
    expect(secretary.items.every((p) => p.status !== null)).toBe(true);
    const league = expectOk(await list('league_admin', 'u_sport_lb1'));
    expect(league.items.every((p) => p.status !== null)).toBe(true);
  });
});
