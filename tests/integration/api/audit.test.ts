/** The audit trail: every change leaves a chained entry; tampering is found and named; admins cannot edit it. */
import type { AuditVerifyView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  // A few real changes to put entries in the chain.
  for (const [slug, no] of [
    ['o-a1', '2025010401'],
    ['o-a2', '2025010402'],
    ['o-a3', '2025010403'],
  ] as const) {
    const { bindingId } = expectOk(
      await emu.as<{ bindingId: string }>(`openid:${slug}`, 'bindings.submit', {
        name: '测试生',
        studentNo: no,
        collegeId: 'u_sport',
      }),
    );
    expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId, approve: true }));
  }
});
afterAll(() => emu.close());

describe('audit trail', () => {
  it('chains every entry to the one before and verifies clean', async () => {
    const page = expectOk(
      await emu.as<{ items: { chain: number; seq: number; at: string; action: string }[] }>('admin', 'audit.list', {
        pageSize: 50,
      }),
    );
    expect(page.items).toHaveLength(9);
    // Newest first; within each chain the entries are numbered 1, 2, 3… with no gap.
    const times = page.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const byChain = new Map<number, number[]>();
    for (const e of page.items) byChain.set(e.chain, [...(byChain.get(e.chain) ?? []), e.seq]);
    for (const seqs of byChain.values()) {
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    expect(page.items.at(-1)?.action).toBe('bindings.submit');
    expect(expectOk(await emu.as('admin', 'audit.verify'))).toMatchObject({
      ok: true,
      checked: 9,
      firstBroken: null,
      problems: [],
    });
  });

  it('is readable only by holders of audit.read', async () => {
    expect(errorCode(await emu.as('sport_officer', 'audit.list', {}))).toBe('FORBIDDEN');
    expect(errorCode(await emu.as('sport_pb_sec', 'audit.verify'))).toBe('FORBIDDEN');
  });

  it('offers no action that edits or deletes entries', async () => {
    const { actions } = (await (await fetch(`${emu.url}/actions`)).json()) as { actions: { name: string }[] };
    expect(
      actions
        .filter((a) => a.name.startsWith('audit.'))
        .map((a) => a.name)
        .sort(),
    ).toEqual(['audit.list', 'audit.verify']);
  });

  it('names the first tampered entry', async () => {
    // Someone with console access edits an entry directly in the database.
    const cloud = require('wx-server-sdk');
    const [entry] = (await emu.server.db.collection('audit').find({ action: 'bindings.decide' }, { limit: 1 })) as {
      _id: string;
      chain?: number;
      seq: number;
    }[];
    await cloud
      .database()
      .collection('audit')
      .doc(entry._id)
      .update({ data: { actorId: 'p_T0001' } });
    const result = expectOk(await emu.as<AuditVerifyView>('admin', 'audit.verify'));
    expect(result).toMatchObject({ ok: false, firstBroken: entry.seq });
    expect(result.problems[0]).toMatchObject({ kind: 'chain', chain: entry.chain, seq: entry.seq });
  });
});
