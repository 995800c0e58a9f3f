/** Organisation, real-name binding and positions through the production api function and the emulator. */
import { accountIdFor } from '../../../server/actions/org/docs';
import type { BindingView, MeView, Page, PersonView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

describe('我的 (me.get)', () => {
  it('shows a branch secretary their status and current positions', async () => {
    const me = expectOk(await emu.call('info_pb_sec', 'me.get', {}));
    expect(me.bound).toBe(true);
    expect(me.person).toMatchObject({ name: '林思远', statusLabel: '正式党员', collegeName: '信息学院' });
    expect(me.positions.map((p) => `${p.roleLabel}@${p.unitName}`).sort()).toEqual([
      '支部书记@信息学院学生党支部',
      '支部书记@机器人创新协会临时党支部',
    ]);
    // My organisations: the home party branch first, then the association and its temporary branch; not the college.
    expect(me.units.map((u) => u.id)).toEqual(['u_info_pb', 'u_as_robot', 'u_as_robot_tpb']);
    expect(me.units[0]).toMatchObject({ name: '信息学院学生党支部', kindLabel: '党支部' });
  });

  it('shows an unknown WeChat user as unbound with no application', async () => {
    const me = expectOk(await emu.call('openid:o-newcomer', 'me.get', {}));
    expect(me).toEqual({
      bound: false,
      person: null,
      binding: null,
      positions: [],
      units: [],
      capabilities: [],
      manages: { votes: [], notices: [], freshmen: [], partyCommittee: [], assessFrom: [] },
    });
  });

  it('names the units where a branch secretary runs votes and notices, position by position', async () => {
    const { manages } = expectOk(await emu.call('info_pb_sec', 'me.get', {}));
    expect(manages.votes.map((u) => u.id)).toEqual(['u_info_pb', 'u_as_robot_tpb']);
    expect(manages.notices.map((u) => u.id)).toEqual(['u_info_pb', 'u_as_robot_tpb']);
    // D6: the temporary branch whose secretary he is sends assessments home (the 临时支部考察 entry).
    expect(manages.assessFrom.map((u) => u.id)).toEqual(['u_as_robot_tpb']);
    // A temporary party branch holds no acceptance or conversion vote (D6); the home branch does.
    const kinds = Object.fromEntries(manages.votes.map((u) => [u.id, u.voteKinds]));
    expect(kinds.u_info_pb).toEqual(expect.arrayContaining(['acceptance', 'conversion', 'party_evaluation']));
    expect(kinds.u_as_robot_tpb).not.toContain('acceptance');
    expect(kinds.u_as_robot_tpb).not.toContain('conversion');
  });

  it('lets a college officer run votes in every unit below the college that holds meetings, nearest first', async () => {
    const { manages } = expectOk(await emu.call('sport_officer', 'me.get', {}));
    const ids = manages.votes.map((u) => u.id);
    // The college itself holds no vote; its branches and the associations registered under it do, with their
    // temporary branches after them.
    expect(ids).not.toContain('u_sport');
    expect([...ids].sort()).toEqual(
      [
        'u_as_bball',
        'u_as_bball_tlb',
        'u_as_bball_tpb',
        'u_as_taiji',
        'u_as_taiji_tlb',
        'u_as_taiji_tpb',
        'u_sport_lb1',
        'u_sport_pb',
      ].sort(),
    );
    expect(ids.indexOf('u_as_bball')).toBeLessThan(ids.indexOf('u_as_bball_tpb'));
    expect(ids.indexOf('u_sport_pb')).toBeLessThan(ids.indexOf('u_as_bball_tpb'));
    expect(manages.notices.map((u) => u.id)).toEqual(['u_sport']);
    // Their own college's 新生信息库, and no other.
    expect(manages.freshmen.map((u) => u.id)).toEqual(['u_sport']);
  });

  it('lets a federation officer draft notices for the federation but run no vote', async () => {
    const me = expectOk(await emu.call('fed_chair', 'me.get', {}));
    expect(me.manages).toEqual({
      votes: [],
      notices: [expect.objectContaining({ id: 'u_fed', kindLabel: '社团联合会' })],
      freshmen: [],
      partyCommittee: [],
      assessFrom: [],
    });
  });

  it('gives the school administrator every unit of the school that holds meetings', async () => {
    const { manages } = expectOk(await emu.call('admin', 'me.get', {}));
    expect(manages.votes.length).toBeGreaterThanOrEqual(15);
    expect(manages.votes.map((u) => u.kind)).not.toContain('college');
    expect(manages.notices.map((u) => u.id)).toEqual(['u_school']);
    expect(manages.freshmen.map((u) => u.id)).toEqual(['u_info', 'u_sport']);
  });

  it('lists the organisation tree to anyone, associations under the federation', async () => {
    const { units } = expectOk(
      await emu.as<{ units: { id: string; kind: string; parentId: string | null }[] }>('openid:o-newcomer', 'org.tree'),
    );
    expect(
      units
        .filter((u) => u.kind === 'college')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['u_info', 'u_sport']);
    expect(units.find((u) => u.id === 'u_as_bball')?.parentId).toBe('u_fed');
  });
});

describe('real-name binding', () => {
  it('binds a student after their own college officer approves, and records every step in the audit trail', async () => {
    const submitted = expectOk(
      await emu.as<{ bindingId: string }>('openid:o-fan', 'bindings.submit', {
        name: '范思琪',
        studentNo: '2023010111',
        collegeId: 'u_sport',
      }),
    );
    expect(expectOk(await emu.as<MeView>('openid:o-fan', 'me.get')).binding?.state).toBe('pending');
    expect(
      errorCode(
        await emu.as('openid:o-fan', 'bindings.submit', {
          name: '范思琪',
          studentNo: '2023010111',
          collegeId: 'u_sport',
        }),
      ),
    ).toBe('BINDING_PENDING');

    // Another college's officer cannot decide it; a student without the right cannot either.
    expect(
      errorCode(await emu.as('info_officer', 'bindings.decide', { bindingId: submitted.bindingId, approve: true })),
    ).toBe('OUT_OF_SCOPE');
    expect(
      errorCode(await emu.as('bball_pres', 'bindings.decide', { bindingId: submitted.bindingId, approve: true })),
    ).toBe('FORBIDDEN');

    // The demo school already holds another pending claim for 2023010111: the two are shown as competing.
    const pending = expectOk(await emu.as<Page<BindingView>>('sport_officer', 'bindings.listPending', {}));
    const mine = pending.items.find((b) => b.id === submitted.bindingId);
    expect(mine).toMatchObject({
      name: '范思琪',
      collegeName: '体育学院',
      rosterMatch: true,
      competingWith: ['b_demo_applicant_fan'],
    });
    expect(pending.items.find((b) => b.id === 'b_demo_applicant_fan')?.competingWith).toEqual([submitted.bindingId]);
    expect(pending.items.every((b) => b.collegeId === 'u_sport')).toBe(true);

    const auditBefore = await emu.server.db.collection('audit').count();
    expect(
      expectOk(
        await emu.as('sport_officer', 'bindings.decide', {
          bindingId: submitted.bindingId,
          approve: true,
          confirmCompeting: submitted.bindingId,
        }),
      ),
    ).toEqual({
      state: 'approved',
      personId: 'p_2023010111',
      rejectedCompeting: ['b_demo_applicant_fan'],
    });
    // The binding, the approval, and the rejection of the competing claim.
    expect(await emu.server.db.collection('audit').count()).toBe(auditBefore + 3);
    const me = expectOk(await emu.as<MeView>('openid:o-fan', 'me.get'));
    expect(me.person).toMatchObject({ name: '范思琪', studentNo: '2023010111', statusLabel: '共青团员' });
    expect(
      errorCode(await emu.as('sport_officer', 'bindings.decide', { bindingId: submitted.bindingId, approve: true })),
    ).toBe('BINDING_NOT_PENDING');
    expect(
      errorCode(
        await emu.as('openid:o-fan', 'bindings.submit', {
          name: '范思琪',
          studentNo: '2023010111',
          collegeId: 'u_sport',
        }),
      ),
    ).toBe('ALREADY_BOUND');
  });

  it('refuses a second WeChat account for a student number that is already bound', async () => {
    const res = await emu.as('openid:o-impostor', 'bindings.submit', {
      name: '马骁',
      studentNo: '2022010101',
      collegeId: 'u_sport',
    });
    expect(errorCode(res)).toBe('STUDENT_NO_TAKEN');
  });

  it('lets exactly one of two concurrent approvals of the same student number through', async () => {
    const a = expectOk(
      await emu.as<{ bindingId: string }>('openid:o-twin-a', 'bindings.submit', {
        name: '叶青',
        studentNo: '2025010301',
        collegeId: 'u_sport',
      }),
    );
    const b = expectOk(
      await emu.as<{ bindingId: string }>('openid:o-twin-b', 'bindings.submit', {
        name: '叶青',
        studentNo: '2025010301',
        collegeId: 'u_sport',
      }),
    );
    const results = await Promise.all([
      emu.as('sport_officer', 'bindings.decide', {
        bindingId: a.bindingId,
        approve: true,
        confirmCompeting: a.bindingId,
      }),
      emu.as('sport_officer', 'bindings.decide', {
        bindingId: b.bindingId,
        approve: true,
        confirmCompeting: b.bindingId,
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The first approval rejected the other claim with it, so the second finds it decided.
    expect(results.map(errorCode).filter(Boolean)).toEqual(['BINDING_NOT_PENDING']);
    const bound = await emu.server.db.collection('people').find({ studentNo: '2025010301' });
    expect(bound).toHaveLength(1);
  });

  it("refuses to bind a student of another college through a claim filed with the approver's own college", async () => {
    // 施洋 is on the 信息学院 roster; the claim names 体育学院, so the 体育学院 officer sees it.
    const { bindingId } = expectOk(
      await emu.as<{ bindingId: string }>('openid:o-claim', 'bindings.submit', {
        name: '施洋',
        studentNo: '2024020205',
        collegeId: 'u_sport',
      }),
    );
    const audit = await emu.server.db.collection('audit').count();
    const r = await emu.as('sport_officer', 'bindings.decide', { bindingId, approve: true });
    expect(errorCode(r)).toBe('BINDING_MISMATCH');
    expect(r.ok ? '' : r.error.message).toContain('学院');
    const person = (await emu.server.db.collection('people').findOne({ _id: 'p_2024020205' })) as { openid: unknown };
    expect(person.openid).toBeNull();
    expect(await emu.server.db.collection('accounts').count({ _id: accountIdFor('o-claim') })).toBe(0);
    expect(await emu.server.db.collection('audit').count()).toBe(audit);
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId, approve: false, reason: '学院填写有误' }));
  });

  it('requires a reason to reject, then shows the reason to the applicant', async () => {
    const { bindingId } = expectOk(
      await emu.as<{ bindingId: string }>('openid:o-wrong', 'bindings.submit', {
        name: '错名字',
        studentNo: '2024020205',
        collegeId: 'u_info',
      }),
    );
    const noReason = await emu.as('info_officer', 'bindings.decide', { bindingId, approve: false });
    expect(errorCode(noReason)).toBe('BAD_INPUT');
    expect(errorCode(await emu.as('info_officer', 'bindings.decide', { bindingId, approve: true }))).toBe(
      'BINDING_MISMATCH',
    );
    expectOk(
      await emu.as('info_officer', 'bindings.decide', { bindingId, approve: false, reason: '姓名与花名册不一致' }),
    );
    const me = expectOk(await emu.as<MeView>('openid:o-wrong', 'me.get'));
    expect(me.binding).toMatchObject({ state: 'rejected', reason: '姓名与花名册不一致' });
    // After a rejection the applicant may correct and resubmit.
    expectOk(
      await emu.as('openid:o-wrong', 'bindings.submit', { name: '施洋', studentNo: '2024020205', collegeId: 'u_info' }),
    );
  });

  it('pages the pending list with hasMore', async () => {
    const first = expectOk(
      await emu.as<Page<BindingView>>('party_admin', 'bindings.listPending', { page: 1, pageSize: 1 }),
    );
    expect(first.items).toHaveLength(1);
    expect(first.hasMore).toBe(true);
    const all = expectOk(
      await emu.as<Page<BindingView>>('party_admin', 'bindings.listPending', { page: 1, pageSize: 50 }),
    );
    const second = expectOk(
      await emu.as<Page<BindingView>>('party_admin', 'bindings.listPending', { page: 2, pageSize: 1 }),
    );
    expect(second.items[0].id).toBe(all.items[1].id);
  });
});

describe('positions and handover', () => {
  it('hands a secretary post over: the new term starts, the old one ends the day before, history kept', async () => {
    const seen = new Set(((await emu.server.db.collection('audit').find({})) as { _id: string }[]).map((e) => e._id));
    const assigned = expectOk(
      await emu.as<{ positionId: string; handedOver: string[] }>('info_officer', 'positions.assign', {
        personId: 'p_2022020104',
        unitId: 'u_info_pb',
        role: 'branch_secretary',
        start: '2026-11-23',
      }),
    );
    expect(assigned.positionId).toMatch(/^pos_/);
    expect(assigned.handedOver).toEqual(['p_2022020102']);
    const people = expectOk(
      await emu.as<Page<PersonView>>('info_officer', 'people.list', { unitId: 'u_info_pb', pageSize: 50 }),
    );
    expect(people.items.find((p) => p.id === 'p_2022020104')?.positions.map((p) => p.roleLabel)).toContain('支部书记');
    const old = (await emu.server.db.collection('people').findOne({ _id: 'p_2022020102' })) as {
      positions: { id: string; unitId: string; end: string | null }[];
    };
    // The outgoing secretary's term is ended, not removed: handover keeps who held the post when.
    expect(old.positions.find((p) => p.unitId === 'u_info_pb')?.end).toBe('2026-11-22');
    // The entries the assignment added (one transaction: one chain, in order).
    const entries = (await emu.server.db.collection('audit').find({}, { sort: { _id: 1 } })) as {
      _id: string;
      action: string;
    }[];
    expect(entries.filter((e) => !seen.has(e._id)).map((e) => e.action)).toEqual([
      'positions.handover',
      'positions.assign',
    ]);
  });

  it('refuses a role in the wrong kind of unit and a unit outside the caller’s scope', async () => {
    expect(
      errorCode(
        await emu.as('info_officer', 'positions.assign', {
          personId: 'p_2022020104',
          unitId: 'u_info',
          role: 'school_admin',
        }),
      ),
    ).toBe('ROLE_NOT_ALLOWED_IN_UNIT');
    expect(
      errorCode(
        await emu.as('info_officer', 'positions.assign', {
          personId: 'p_2022020104',
          unitId: 'u_sport_pb',
          role: 'branch_committee',
        }),
      ),
    ).toBe('OUT_OF_SCOPE');
    expect(errorCode(await emu.as('info_officer', 'people.list', { unitId: 'u_sport_pb' }))).toBe('OUT_OF_SCOPE');
  });

  it('refuses a second overlapping term of the same role and an end before the start, writing nothing', async () => {
    const again = () =>
      emu.as('info_officer', 'positions.assign', {
        personId: 'p_2022020104',
        unitId: 'u_info_pb',
        role: 'branch_secretary',
        start: '2026-12-01',
      });
    const audit = await emu.server.db.collection('audit').count();
    expect(errorCode(await again())).toBe('POSITION_EXISTS');
    const person = (await emu.server.db.collection('people').findOne({ _id: 'p_2022020104' })) as {
      positions: { id: string; unitId: string; role: string; start: string }[];
    };
    const current = person.positions.find((p) => p.unitId === 'u_info_pb' && p.role === 'branch_secretary')!;
    const early = await emu.as('info_officer', 'positions.end', {
      personId: 'p_2022020104',
      positionId: current.id,
      end: '2026-11-01',
    });
    expect(errorCode(early)).toBe('BAD_INPUT');
    expect(early.ok ? null : early.error.fields).toHaveProperty('end');
    expect(await emu.server.db.collection('audit').count()).toBe(audit);
  });

  it('lets the federation see into an association registered under it', async () => {
    const res = expectOk(await emu.as<Page<PersonView>>('fed_chair', 'people.list', { unitId: 'u_as_bball' }));
    expect(res.items.map((p) => p.name)).toContain('罗浩然');
  });
});

describe('cost', () => {
  it('answers me.get in two database round trips, one more read side by side for a vote manager and for a binding approver', async () => {
    expect((await emu.invoke('me.get', {}, 'sport_full3')).roundTrips).toBe(2);
    expect((await emu.invoke('me.get', {}, 'sport_pb_sec')).roundTrips).toBe(3);
    // A college officer runs votes and approves bindings: the colleges of the 新生信息库 are one more read.
    expect((await emu.invoke('me.get', {}, 'sport_officer')).roundTrips).toBe(4);
  });
});
