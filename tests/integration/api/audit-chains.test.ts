/**
 * The trail as several chains anchored into one: ordinary audited writes spread over shard chains chosen by the
 * record they change, the school chain records every shard head in its anchor entries, and tampering with a shard
 * chain — an entry altered, deleted, reordered or moved, its end cut off, the whole chain removed — is named.
 * Then the reason for it: audited writes across the school at once, with transactions conflicting as on CloudBase,
 * all land without a BUSY answer.
 */
import type { AuditVerifyView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

type Entry = { _id: string; chain?: number; seq: number; hash: string; action: string } & Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk's database objects are untyped
let db: any;
let emu: TestEmulator;

const verify = async () => expectOk(await emu.as<AuditVerifyView>('admin', 'audit.verify'));
const all = async () => (await emu.server.db.collection('audit').find({}, { sort: { _id: 1 } })) as Entry[];
const chainOf = async (chain: number) => (await all()).filter((e) => (e.chain ?? 0) === chain);
const headId = (chain: number) => `audit_head_${String(chain).padStart(2, '0')}`;

async function put(coll: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  const { _id, ...data } = doc;
  await db.collection(coll).doc(_id).set({ data });
}

/** A student's binding submitted and approved: two entries on the binding's record, so in one chain. */
async function bind(no: string): Promise<string> {
  const { bindingId } = expectOk(
    await emu.as<{ bindingId: string }>(`openid:o-chain-${no}`, 'bindings.submit', {
      name: '测试生',
      studentNo: no,
      collegeId: 'u_sport',
    }),
  );
  expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId, approve: true }));
  return bindingId;
}

/** The shard chain holding the decision on the given binding (at least two entries), its entries and its head. */
async function chainHolding(bindingId: string): Promise<{ chain: number; entries: Entry[]; head: Entry }> {
  const [decided] = (await emu.server.db
    .collection('audit')
    .find({ action: 'bindings.decide', target: `bindings/${bindingId}` })) as Entry[];
  const chain = decided.chain!;
  const head = (await emu.server.db.collection('meta').findOne({ _id: headId(chain) })) as Entry;
  return { chain, entries: await chainOf(chain), head };
}

let bindingId: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  db = require('wx-server-sdk').database();
  for (let i = 0; i < 8; i++) bindingId = await bind(`20250177${String(i).padStart(2, '0')}`);
});
afterAll(() => emu.close());

describe('several chains anchored into one', () => {
  it('spreads writes to different records over shard chains, each numbered from 1 and linked to the one before', async () => {
    const entries = await all();
    const chains = new Map<number, Entry[]>();
    for (const e of entries) chains.set(e.chain ?? 0, [...(chains.get(e.chain ?? 0) ?? []), e]);
    expect(chains.has(0)).toBe(false); // nothing sealed yet: the school chain is empty
    expect(chains.size).toBeGreaterThan(1);
    for (const [chain, list] of chains) {
      expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
      for (const [i, e] of list.entries()) {
        expect(e._id).toBe(`a${String(chain).padStart(2, '0')}_${String(e.seq).padStart(12, '0')}`);
        if (i > 0) expect(e.prevHash).toBe(list[i - 1].hash);
      }
    }
    // One transaction's entries stay together in one chain, in order (the decision binds, then decides).
    const decided = entries.find((e) => e.action === 'bindings.decide' && e.target === `bindings/${bindingId}`)!;
    const sameTx = entries.filter((e) => e.chain === decided.chain && e.at === decided.at);
    expect(sameTx.map((e) => e.seq)).toEqual(sameTx.map((_, i) => sameTx[0].seq + i));
  });

  it('anchors every shard head into the school chain when verified, and signs the school chain’s head', async () => {
    const before = (await all()).length;
    const result = await verify();
    expect(result).toMatchObject({ ok: true, problems: [], checked: before });
    const school = await chainOf(0);
    expect(school).toHaveLength(1);
    const [anchor] = school;
    expect(anchor).toMatchObject({ action: 'audit.anchor', seq: 1 });
    const heads = (await emu.server.db.collection('meta').find({ _id: { $regex: '^audit_head_' } })) as Entry[];
    expect(anchor.heads).toEqual(
      Object.fromEntries(heads.map((h) => [String(Number(h._id.slice(-2))), { seq: h.seq, hash: h.hash }])),
    );
    expect(result.checkpoint).toMatchObject({ seq: 1 });
    // Nothing moved since: verifying again adds no anchor.
    expect((await verify()).ok).toBe(true);
    expect(await chainOf(0)).toHaveLength(1);
  });

  it('names an entry altered in a shard chain', async () => {
    const { chain, entries } = await chainHolding(bindingId);
    const victim = entries[0];
    await put('audit', { ...victim, actorId: 'p_T0001' });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBroken: victim.seq });
    expect(result.problems[0]).toMatchObject({ kind: 'chain', chain, seq: victim.seq });
    expect(result.problems[0].message).toContain(`第 ${chain} 号分链`);
    await put('audit', victim);
    expect((await verify()).ok).toBe(true);
  });

  it('names two entries of a shard chain swapped', async () => {
    const { chain, entries } = await chainHolding(bindingId);
    const [a, b] = entries.slice(-2);
    const { _id: idA, ...restA } = a;
    const { _id: idB, ...restB } = b;
    // Taken out and put back the other way round (the unique number index refuses a swap in place).
    await db.collection('audit').doc(idA).remove();
    await db.collection('audit').doc(idB).remove();
    await put('audit', { _id: idA, ...restB, seq: a.seq });
    await put('audit', { _id: idB, ...restA, seq: b.seq });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'chain', chain, seq: a.seq });
    await db.collection('audit').doc(idA).remove();
    await db.collection('audit').doc(idB).remove();
    await put('audit', a);
    await put('audit', b);
    expect((await verify()).ok).toBe(true);
  });

  it('names an entry deleted from the middle of a shard chain', async () => {
    const { chain, entries } = await chainHolding(bindingId);
    const victim = entries[entries.length - 2];
    await db.collection('audit').doc(victim._id).remove();
    const result = await verify();
    expect(result.problems[0]).toMatchObject({ kind: 'chain', chain, seq: victim.seq });
    await put('audit', victim);
    expect((await verify()).ok).toBe(true);
  });

  it('names an entry moved to another chain', async () => {
    const { chain, entries, head } = await chainHolding(bindingId);
    const victim = entries.at(-1)!;
    const other = chain === 64 ? 63 : chain + 1;
    const otherEntries = await chainOf(other);
    const movedId = `a${String(other).padStart(2, '0')}_${String(otherEntries.length + 1).padStart(12, '0')}`;
    const prevHead = entries.at(-2)!;
    await db.collection('audit').doc(victim._id).remove();
    await put('meta', { _id: headId(chain), seq: prevHead.seq, hash: prevHead.hash });
    await put('audit', { ...victim, _id: movedId, chain: other, seq: otherEntries.length + 1 });
    const result = await verify();
    expect(result.ok).toBe(false);
    const kinds = result.problems.map((p) => `${p.kind}:${p.chain}`);
    // The moved entry breaks the chain it was put in; the chain it left no longer reaches its anchored head.
    expect(kinds).toContain(`chain:${other}`);
    expect(kinds).toContain(`anchor:${chain}`);
    await db.collection('audit').doc(movedId).remove();
    await put('audit', victim);
    await put('meta', head);
    expect((await verify()).ok).toBe(true);
  });

  it('names a shard chain whose end was cut off and its head rewound, against the school chain’s anchor', async () => {
    const { chain, entries, head } = await chainHolding(bindingId);
    const cut = entries.at(-1)!;
    const keep = entries.at(-2)!;
    await db.collection('audit').doc(cut._id).remove();
    await put('meta', { _id: headId(chain), seq: keep.seq, hash: keep.hash });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'anchor', chain, seq: keep.seq + 1, message: expect.stringContaining('被删除') }),
    ]);
    await put('audit', cut);
    await put('meta', head);
    expect((await verify()).ok).toBe(true);
  });

  it('names a whole shard chain removed with its head', async () => {
    const { chain, entries, head } = await chainHolding(bindingId);
    for (const e of entries) await db.collection('audit').doc(e._id).remove();
    await db.collection('meta').doc(headId(chain)).remove();
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'anchor', chain, seq: 1 }));
    for (const e of entries) await put('audit', e);
    await put('meta', head);
    expect((await verify()).ok).toBe(true);
  });
});

describe('audited writes across the school at once, transactions conflicting as on CloudBase', () => {
  let busy: TestEmulator;
  beforeAll(async () => {
    busy = await startTestEmulator({ conflicts: true });
  });
  afterAll(() => busy.close());

  it('all land, none answers BUSY, and the trail verifies clean', async () => {
    const n = 24;
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        busy.as(`openid:o-rush-${i}`, 'bindings.submit', {
          name: '新同学',
          studentNo: `20250188${String(i).padStart(2, '0')}`,
          collegeId: 'u_sport',
        }),
      ),
    );
    expect(replies.map((r) => errorCode(r))).toEqual(Array(n).fill(null));
    expect(await busy.server.db.collection('audit').count()).toBe(n);
    expect(busy.server.db.transactions.mode).toBe('optimistic');
    expect(expectOk(await busy.as<AuditVerifyView>('admin', 'audit.verify'))).toMatchObject({
      ok: true,
      checked: n,
    });
  });
});
