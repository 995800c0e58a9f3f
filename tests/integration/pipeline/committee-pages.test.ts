/**
 * What the committee's pages read, through the api with an injected clock: the filings waiting for its
 * acknowledgement (A4; A7 under 2014), on its list, its to-do list and the case page; and the people of its scope
 * with their 留党察看 and birth date (A8, A1), with what it may do to each. In and out of scope for the permission
 * table: the party committee and the college's officer over their own people; another college's officer sees none of
 * them; the branch's own officers, the League committee and a student are no committee.
 */
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addStudent, at, BRANCH, footprint, SECRETARY, toCandidate } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const decisionsOf = async (who: string, caseId: string) =>
  expectOk(await emu.call(who, 'pipeline.filings', { page: 1, pageSize: 20 }))
    .items.filter((f) => f.caseId === caseId)
    .flatMap((f) => f.decisions.map((d) => d.decision));

const todoKindsOf = async (who: string, caseId: string) =>
  expectOk(await emu.call(who, 'pipeline.todo', { days: 30 }))
    .filter((t) => t.caseId === caseId)
    .map((t) => t.next.kind)
    .filter((k) => k.startsWith('filing_'));

async function refused(who: string, action: string, input: unknown, code: string) {
  const before = await footprint(emu);
  expect([action, who, errorCode(await emu.as(who, action, input))]).toEqual([action, who, code]);
  expect(await footprint(emu)).toBe(before);
}

describe('备案确认: the branch decisions waiting for the committee’s acknowledgement', () => {
  let s: { id: string; who: string; caseId: string };
  beforeAll(async () => {
    at(emu, '2026-09-07');
    expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: '2014' }));
    const st = await addStudent(emu, '2026019981', { name: '宋知远' });
    const { caseId } = expectOk(
      await emu.call(st.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }),
    );
    s = { ...st, caseId };
    await toCandidate(emu, caseId, st.id, '2026-09-07');
  });

  it('the party committee and the college’s officer see both decisions of a 2014 case on the list, the to-do list and the case', async () => {
    for (const who of ['party_admin', 'sport_officer']) {
      expect([who, await decisionsOf(who, s.caseId)]).toEqual([who, ['activist', 'candidate']]);
      expect([who, await todoKindsOf(who, s.caseId)]).toEqual([who, ['filing_activist', 'filing_candidate']]);
      const may = expectOk(await emu.call(who, 'pipeline.get', { caseId: s.caseId })).may;
      expect(may.filing.map((d) => [d.decision, d.label])).toEqual([
        ['activist', '确定入党积极分子'],
        ['candidate', '确定发展对象'],
      ]);
    }
  });

  it('another college’s officer sees none; the branch, the League committee and the student are no committee', async () => {
    expect(await decisionsOf('info_officer', s.caseId)).toEqual([]);
    expect(await todoKindsOf('info_officer', s.caseId)).toEqual([]);
    for (const who of [SECRETARY, 'league_admin', s.who]) {
      await refused(who, 'pipeline.filings', { page: 1, pageSize: 20 }, 'NOT_COMMITTEE');
    }
    // The branch's secretary sees the case and acknowledges nothing on it.
    expect(expectOk(await emu.call(SECRETARY, 'pipeline.get', { caseId: s.caseId })).may.filing).toEqual([]);
    expect(await todoKindsOf(SECRETARY, s.caseId)).toEqual([]);
  });

  it('an acknowledged filing leaves the list, the to-do list and the case page', async () => {
    expectOk(await emu.call('party_admin', 'pipeline.acknowledgeFiling', { caseId: s.caseId, decision: 'activist' }));
    expect(await decisionsOf('party_admin', s.caseId)).toEqual(['candidate']);
    expect(await todoKindsOf('sport_officer', s.caseId)).toEqual(['filing_candidate']);
    expectOk(
      await emu.call('sport_officer', 'pipeline.acknowledgeFiling', {
        caseId: s.caseId,
        decision: 'candidate',
        note: '材料齐全',
      }),
    );
    expect(await decisionsOf('party_admin', s.caseId)).toEqual([]);
    expect(expectOk(await emu.call('party_admin', 'pipeline.get', { caseId: s.caseId })).may.filing).toEqual([]);
  });

  it('a 2026 发展对象 is agreed, not filed: only its activist decision waits; an applicant waits for nothing', async () => {
    const day = '2027-10-07';
    at(emu, day);
    expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: '2026.05' }));
    const y = await addStudent(emu, '2026019982', { name: '许清和' });
    const { caseId } = expectOk(await emu.call(y.who, 'pipeline.apply', { branchId: BRANCH, statement: '入党申请书' }));
    expect(await decisionsOf('party_admin', caseId)).toEqual([]);
    await toCandidate(emu, caseId, y.id, day, '2026.05');
    expect(await decisionsOf('party_admin', caseId)).toEqual(['activist']);
    expectOk(await emu.call('party_admin', 'pipeline.setRuleVersion', { ruleVersion: '2014' }));
  });

  it('pages the list: one more row is read to know whether more follow', async () => {
    const first = expectOk(await emu.call('party_admin', 'pipeline.filings', { page: 1, pageSize: 1 }));
    expect(first.items).toHaveLength(1);
    expect(first.hasMore).toBe(false);
  });
});

describe('留党察看 and 出生日期: the people of the committee’s scope', () => {
  const MEMBER = 'p_2022010105';

  it('finds a member by name or by student number, with what the committee may do', async () => {
    for (const query of ['邓凯', '2022010105']) {
      const [p] = expectOk(await emu.call('party_admin', 'pipeline.people', { query }));
      expect(p).toMatchObject({
        personId: MEMBER,
        name: '邓凯',
        branchName: '体育学院学生党支部',
        discipline: null,
        may: { impose: true, restore: false, birthDate: true },
      });
    }
  });

  it('shows the 留党察看 in force and offers to lift it, not to impose another', async () => {
    at(emu, '2027-11-02');
    expectOk(
      await emu.call('party_admin', 'pipeline.recordDiscipline', {
        personId: MEMBER,
        change: 'impose',
        on: '2027-11-02',
        reason: '经党委会研究决定给予留党察看一年处分',
      }),
    );
    const [p] = expectOk(await emu.call('sport_officer', 'pipeline.people', { query: '邓凯' }));
    expect(p.discipline).toMatchObject({
      since: '2027-11-02',
      inForce: true,
      reason: '经党委会研究决定给予留党察看一年处分',
    });
    // Lifted on a later day only: the same day offers nothing.
    expect(p.may).toEqual({ impose: false, restore: false, birthDate: true });
    at(emu, '2027-11-03');
    const [later] = expectOk(await emu.call('party_admin', 'pipeline.people', { query: '邓凯' }));
    expect(later.may).toEqual({ impose: false, restore: true, birthDate: true });
  });

  it('an applicant may have the birth date corrected and no 留党察看', async () => {
    const [p] = expectOk(await emu.call('party_admin', 'pipeline.people', { query: '2026019981' }));
    expect(p).toMatchObject({ name: '宋知远', may: { impose: false, restore: false, birthDate: true } });
  });

  it('another college’s officer finds nobody of it; the branch and the League committee are no committee', async () => {
    expect(expectOk(await emu.call('info_officer', 'pipeline.people', { query: '邓凯' }))).toEqual([]);
    for (const who of [SECRETARY, 'league_admin', 'sport_masses']) {
      await refused(who, 'pipeline.people', { query: '邓凯' }, 'NOT_COMMITTEE');
    }
  });
});

describe('the home tab’s entries', () => {
  it('names the committees where the person keeps these records, and none for a branch or the League committee', async () => {
    const of = async (who: string) =>
      expectOk(await emu.call(who, 'me.get', {})).manages.partyCommittee.map((u) => u.id);
    expect(await of('party_admin')).toEqual(['u_party']);
    expect(await of('sport_officer')).toEqual(['u_sport']);
    expect(await of(SECRETARY)).toEqual([]);
    expect(await of('league_admin')).toEqual([]);
  });
});
