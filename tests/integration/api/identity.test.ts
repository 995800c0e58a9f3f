/**
 * Identity: one student's identity cannot be taken over by a classmate who knows their name, student number and
 * college. Competing claims are shown and decided only by the officer's explicit choice; a second factor the school
 * distributes (a one-time binding code, or ID digits imported with the roster) is required once it exists; an
 * officer revokes a wrong binding with a reason and the student binds again. Every refusal writes nothing.
 */
import { bindingCodeDigest, rosterIdTailDigest } from '../../../server/actions/org/bindings';
import { accountIdFor } from '../../../server/actions/org/docs';
import type { BindingView, MeView, Page } from '../../../typings/actions';
import type { Person, Unit } from '../../../typings/domain';
import { type Envelope, errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

const ROSTER_SECRET = 'identity-test-roster-secret';
let emu: TestEmulator;

beforeAll(async () => {
  process.env.LINGYAN_ROSTER_SECRET = ROSTER_SECRET;
  emu = await startTestEmulator({ functionEnv: { LINGYAN_ROSTER_SECRET: ROSTER_SECRET } });
  emu.host.setClock('2026-11-23T09:00:00+08:00');
});
afterAll(() => emu.close());

/** A student on the 体育学院 roster who has not bound a WeChat account yet. */
async function rosterStudent(no: string, name: string): Promise<Person> {
  const college = (await emu.server.db.collection('units').findOne({ _id: 'u_sport' })) as unknown as Unit;
  const person: Person = {
    _id: `p_${no}`,
    openid: null,
    name,
    studentNo: no,
    collegeId: 'u_sport',
    homePartyBranchId: null,
    homeLeagueBranchId: null,
    status: 'league_member',
    statusHistory: [{ status: 'league_member', since: '2025-09-01' }],
    memberOf: ['u_sport'],
    reach: ['u_sport', ...college.ancestors],
    positions: [],
  };
  await emu.server.db.collection('people').insertMany([person]);
  return person;
}

/** Everything a binding action can write. */
async function footprint() {
  const db = emu.server.db;
  const all = async (c: string) => JSON.stringify(await db.collection(c).find({}, { sort: { _id: 1 } }));
  return {
    bindings: await all('bindings'),
    people: await all('people'),
    accounts: await all('accounts'),
    factors: await all('binding_factors'),
    audit: await db.collection('audit').count(),
  };
}

async function refused(code: string, call: () => Promise<Envelope>): Promise<Envelope> {
  const before = await footprint();
  const res = await call();
  expect(errorCode(res)).toBe(code);
  expect(await footprint()).toEqual(before);
  return res;
}

const claim = (openid: string, name: string, studentNo: string, secondFactor?: string) =>
  emu.as<{ bindingId: string }>(`openid:${openid}`, 'bindings.submit', {
    name,
    studentNo,
    collegeId: 'u_sport',
    ...(secondFactor === undefined ? {} : { secondFactor }),
  });

async function pendingView(id: string): Promise<BindingView | undefined> {
  const page = expectOk(await emu.as<Page<BindingView>>('sport_officer', 'bindings.listPending', { pageSize: 50 }));
  return page.items.find((b) => b.id === id);
}

describe('competing claims for one student', () => {
  it('shows both claims as competing and approves neither without the officer naming the one chosen', async () => {
    await rosterStudent('2025070001', '秦朗');
    const impostor = expectOk(await claim('o-impostor-1', '秦朗', '2025070001')).bindingId;
    const real = expectOk(await claim('o-real-1', '秦朗', '2025070001')).bindingId;

    expect(await pendingView(impostor)).toMatchObject({ competingWith: [real], rosterMatch: true });
    expect(await pendingView(real)).toMatchObject({ competingWith: [impostor], rosterMatch: true });

    const r = await refused('BINDING_COMPETING', () =>
      emu.as('sport_officer', 'bindings.decide', { bindingId: real, approve: true }),
    );
    expect(!r.ok && r.error.message).toContain('1 份');
    // Naming another claim is not a choice of this one.
    await refused('BINDING_COMPETING', () =>
      emu.as('sport_officer', 'bindings.decide', { bindingId: real, approve: true, confirmCompeting: impostor }),
    );

    const audit = await emu.server.db.collection('audit').count();
    const seen = new Set(((await emu.server.db.collection('audit').find({})) as { _id: string }[]).map((e) => e._id));
    const decided = expectOk(
      await emu.as<{ rejectedCompeting: string[] }>('sport_officer', 'bindings.decide', {
        bindingId: real,
        approve: true,
        confirmCompeting: real,
      }),
    );
    expect(decided.rejectedCompeting).toEqual([impostor]);
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 3);
    // The entries this decision added (one transaction: one chain, in order).
    const audited = (
      (await emu.server.db.collection('audit').find({}, { sort: { _id: 1 } })) as {
        _id: string;
        action: string;
        target: string;
      }[]
    ).filter((e) => !seen.has(e._id));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'bindings.bind',
      'bindings.decide',
      'bindings.rejectCompeting',
    ]);
    expect(audited.find((a) => a.action === 'bindings.rejectCompeting')?.target).toBe(`bindings/${impostor}`);

    const loser = expectOk(await emu.as<MeView>('openid:o-impostor-1', 'me.get'));
    expect(loser.binding).toMatchObject({ state: 'rejected', reason: expect.stringContaining('另一份申请') });
    expect(expectOk(await emu.as<MeView>('openid:o-real-1', 'me.get')).person?.studentNo).toBe('2025070001');
  });

  it('rejects one competing claim without any confirmation', async () => {
    await rosterStudent('2025070002', '韩梅');
    const a = expectOk(await claim('o-comp-a', '韩梅', '2025070002')).bindingId;
    const b = expectOk(await claim('o-comp-b', '韩梅', '2025070002')).bindingId;
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId: a, approve: false, reason: '非本人申请' }));
    expect((await pendingView(b))?.competingWith).toEqual([]);
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId: b, approve: true }));
  });
});

describe('a one-time binding code from the college', () => {
  it('is issued by the college officer, stored only as a digest, and asked of every claim from then on', async () => {
    await rosterStudent('2025070010', '沈星');
    await refused('OUT_OF_SCOPE', () => emu.as('info_officer', 'bindings.issueCode', { studentNo: '2025070010' }));
    const issued = expectOk(
      await emu.as<{ code: string; expiresAt: string }>('sport_officer', 'bindings.issueCode', {
        studentNo: '2025070010',
      }),
    );
    expect(issued.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(issued.expiresAt).toBe('2026-11-30T09:00:00.000+08:00');
    const stored = await emu.server.db.collection('binding_factors').findOne({ _id: 'p_2025070010' });
    expect(JSON.stringify(stored)).not.toContain(issued.code);
    expect(JSON.stringify(stored)).toContain(bindingCodeDigest('p_2025070010', issued.code));

    await refused('SECOND_FACTOR_REQUIRED', () => claim('o-shen-fake', '沈星', '2025070010'));

    // A wrong code is counted (the count is the limit), but no claim is filed and no binding changes.
    const before = await footprint();
    expect(errorCode(await claim('o-shen-fake', '沈星', '2025070010', 'ABCDEFGH'))).toBe('SECOND_FACTOR_INVALID');
    const after = await footprint();
    expect(after.bindings).toBe(before.bindings);
    expect(after.people).toBe(before.people);
    expect(
      ((await emu.server.db.collection('binding_factors').findOne({ _id: 'p_2025070010' })) as { failures: number })
        .failures,
    ).toBe(1);

    // The right code, typed in lower case with a space, files a verified claim; the code is then used up.
    const mine = expectOk(
      await claim('o-shen', '沈星', '2025070010', `${issued.code.slice(0, 4).toLowerCase()} ${issued.code.slice(4)}`),
    ).bindingId;
    expect(await pendingView(mine)).toMatchObject({ secondFactor: 'verified' });
    expect(errorCode(await claim('o-shen-2', '沈星', '2025070010', issued.code))).toBe('SECOND_FACTOR_INVALID');
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId: mine, approve: true }));
  });

  it('does not let a claim filed before the code was issued be approved', async () => {
    await rosterStudent('2025070011', '陶然');
    const early = expectOk(await claim('o-tao-early', '陶然', '2025070011')).bindingId;
    expectOk(await emu.as('sport_officer', 'bindings.issueCode', { studentNo: '2025070011' }));
    expect(await pendingView(early)).toMatchObject({ secondFactor: 'missing' });
    await refused('SECOND_FACTOR_REQUIRED', () =>
      emu.as('sport_officer', 'bindings.decide', { bindingId: early, approve: true }),
    );
  });

  it('expires after seven days', async () => {
    await rosterStudent('2025070012', '温暖');
    const { code } = expectOk(
      await emu.as<{ code: string }>('sport_officer', 'bindings.issueCode', { studentNo: '2025070012' }),
    );
    emu.host.setClock('2026-12-01T09:00:00+08:00');
    try {
      expect(errorCode(await claim('o-wen', '温暖', '2025070012', code))).toBe('SECOND_FACTOR_INVALID');
    } finally {
      emu.host.setClock('2026-11-23T09:00:00+08:00');
    }
  });

  it('locks entry after five wrong codes, even for the right one, until the officer issues a new code', async () => {
    await rosterStudent('2025070013', '林森');
    const { code } = expectOk(
      await emu.as<{ code: string }>('sport_officer', 'bindings.issueCode', { studentNo: '2025070013' }),
    );
    const answers: (string | null)[] = [];
    for (const guess of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD', 'EEEEEEEE']) {
      answers.push(errorCode(await claim('o-lin-guess', '林森', '2025070013', guess)));
    }
    expect(answers).toEqual([
      'SECOND_FACTOR_INVALID',
      'SECOND_FACTOR_INVALID',
      'SECOND_FACTOR_INVALID',
      'SECOND_FACTOR_INVALID',
      'SECOND_FACTOR_LOCKED',
    ]);
    await refused('SECOND_FACTOR_LOCKED', () => claim('o-lin', '林森', '2025070013', code));
    const fresh = expectOk(
      await emu.as<{ code: string }>('sport_officer', 'bindings.issueCode', { studentNo: '2025070013' }),
    );
    expectOk(await claim('o-lin', '林森', '2025070013', fresh.code));
  });
});

describe('ID digits imported with the roster', () => {
  it('binds with the right last digits and refuses wrong ones; only a keyed digest is stored', async () => {
    await rosterStudent('2025070020', '骆驼');
    const digest = rosterIdTailDigest('p_2025070020', '123X');
    await emu.server.db
      .collection('binding_factors')
      .insertMany([{ _id: 'p_2025070020', code: null, idTail: { digest, length: 4 }, failures: 0 }]);
    expect(digest).not.toBe(rosterIdTailDigest('p_2025070021', '123X'));
    await refused('SECOND_FACTOR_REQUIRED', () => claim('o-luo', '骆驼', '2025070020'));
    expect(errorCode(await claim('o-luo', '骆驼', '2025070020', '1234'))).toBe('SECOND_FACTOR_INVALID');
    const ok = expectOk(await claim('o-luo', '骆驼', '2025070020', '123x')).bindingId;
    expect(await pendingView(ok)).toMatchObject({ secondFactor: 'verified' });
  });
});

describe('revoking a binding', () => {
  it('unbinds the account with a reason, in the audit trail, and lets the student bind again', async () => {
    await rosterStudent('2025070030', '白露');
    const wrong = expectOk(await claim('o-bai-wrong', '白露', '2025070030')).bindingId;
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId: wrong, approve: true }));

    await refused('OUT_OF_SCOPE', () =>
      emu.as('info_officer', 'bindings.revoke', { studentNo: '2025070030', reason: '误绑他人' }),
    );
    await refused('BAD_INPUT', () =>
      emu.as('sport_officer', 'bindings.revoke', { studentNo: '2025070030', reason: '\u200B\u200B' }),
    );
    // The student reads the reason: the content check serves it like any text shown to others.
    await refused('CONTENT_REJECTED', () =>
      emu.as('sport_officer', 'bindings.revoke', { studentNo: '2025070030', reason: '此人涉嫌诈骗' }),
    );
    const audit = await emu.server.db.collection('audit').count();
    expect(
      expectOk(
        await emu.as('sport_officer', 'bindings.revoke', { studentNo: '2025070030', reason: '本人反映被他人冒名绑定' }),
      ),
    ).toEqual({ personId: 'p_2025070030', state: 'revoked' });
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 2);
    const person = (await emu.server.db.collection('people').findOne({ _id: 'p_2025070030' })) as Person;
    expect(person.openid).toBeNull();
    expect(await emu.server.db.collection('accounts').findOne({ _id: accountIdFor('o-bai-wrong') })).toMatchObject({
      personId: null,
    });
    const old = expectOk(await emu.as<MeView>('openid:o-bai-wrong', 'me.get'));
    expect(old).toMatchObject({ bound: false, binding: { state: 'revoked', reason: '本人反映被他人冒名绑定' } });
    await refused('BINDING_NOT_FOUND', () =>
      emu.as('sport_officer', 'bindings.revoke', { studentNo: '2025070030', reason: '再次撤销' }),
    );

    // The real student binds; so could the revoked account, for a student of its own.
    const real = expectOk(await claim('o-bai', '白露', '2025070030')).bindingId;
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId: real, approve: true }));
    expect(expectOk(await emu.as<MeView>('openid:o-bai', 'me.get')).person?.studentNo).toBe('2025070030');
    await rosterStudent('2025070031', '白霜');
    const own = expectOk(await claim('o-bai-wrong', '白霜', '2025070031')).bindingId;
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId: own, approve: true }));
    expect(await emu.server.db.collection('accounts').findOne({ _id: accountIdFor('o-bai-wrong') })).toMatchObject({
      personId: 'p_2025070031',
    });
  });
});

describe('the reason on a rejected binding', () => {
  it('is refused when the content check finds it risky, and the claim stays pending', async () => {
    await rosterStudent('2025070050', '罗兰');
    const id = expectOk(await claim('o-luolan', '罗兰', '2025070050')).bindingId;
    await refused('CONTENT_REJECTED', () =>
      emu.as('sport_officer', 'bindings.decide', { bindingId: id, approve: false, reason: '此人涉嫌诈骗' }),
    );
    expect((await pendingView(id))?.id).toBe(id);
    expect(emu.host.outbox.some((r) => r.api === 'security.msgSecCheck')).toBe(true);
  });
});

describe('names people type', () => {
  it('refuses a binding name of only U+200B with BAD_INPUT and files nothing', async () => {
    await refused('BAD_INPUT', () => claim('o-zw', '\u200B', '2025070040'));
    await refused('BAD_INPUT', () => claim('o-zw', '\u200B\u200B\u200B', '2023010111'));
  });

  it('binds a name with an invisible character inside as the name without it (no lookalike of a roster name)', async () => {
    await rosterStudent('2025070041', '冷月');
    const id = expectOk(await claim('o-leng', '冷\u200B月', '2025070041')).bindingId;
    expect(await pendingView(id)).toMatchObject({ name: '冷月', rosterMatch: true });
  });
});
