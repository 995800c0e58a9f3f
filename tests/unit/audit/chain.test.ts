import {
  type AuditEntry,
  canonicalJson,
  checkAgainstCheckpoint,
  checkAnchor,
  checkSealedRecord,
  digestOf,
  GENESIS_HASH,
  latestSeals,
  sealEntry,
  shardChainOf,
  signCheckpoint,
  verifyChain,
} from '../../../server/domain/audit/chain';

const KEY = 'unit-test-audit-secret';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = sealEntry(
      {
        seq,
        at: '2026-11-23T10:00:00.000+08:00',
        actorId: 'p_1',
        action: 'x.y',
        target: `t/${seq}`,
        before: null,
        after: digestOf({ seq }),
        prevHash: prev,
      },
      KEY,
    );
    out.push(e);
    prev = e.hash;
  }
  return out;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5), null, KEY)).toEqual({ ok: true, checked: 5, firstBroken: null });
  });
  it('names an edited entry as the first broken one', () => {
    const c = chain(5);
    c[2] = { ...c[2], actorId: 'p_2' };
    expect(verifyChain(c, null, KEY)).toMatchObject({ ok: false, firstBroken: 3 });
  });
  it('names a removed entry (the gap) as the first broken one', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c, null, KEY)).toMatchObject({ ok: false, firstBroken: 2 });
  });
  it('catches an entry re-hashed after editing, because the next link no longer matches', () => {
    const c = chain(4);
    const { hash: _h, ...fields } = c[1];
    c[1] = sealEntry({ ...fields, action: 'forged' }, KEY);
    expect(verifyChain(c, null, KEY)).toMatchObject({ ok: false, firstBroken: 3 });
  });
  it('continues a verification from the last checked entry', () => {
    const c = chain(6);
    expect(verifyChain(c.slice(3), { seq: 3, hash: c[2].hash }, KEY)).toEqual({
      ok: true,
      checked: 3,
      firstBroken: null,
    });
  });
  it('digests records independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(digestOf({ a: 1, b: 2 })).toBe(digestOf({ b: 2, a: 1 }));
    expect(digestOf(null)).toBeNull();
  });
});

describe('the key', () => {
  it('makes a chain recomputed without it fail at the first recomputed entry', () => {
    const c = chain(4);
    const forged: AuditEntry[] = [c[0]];
    let prev = c[0].hash;
    for (const e of c.slice(1)) {
      const { hash: _h, ...fields } = e;
      const f = sealEntry({ ...fields, prevHash: prev, actorId: 'p_2' }, 'a-guessed-key-of-some-length');
      forged.push(f);
      prev = f.hash;
    }
    expect(verifyChain(forged, null, KEY)).toMatchObject({ ok: false, firstBroken: 2 });
  });
});

describe('checkpoints and anchors', () => {
  const c = chain(5);
  const hashAt = (seq: number) => c[seq - 1]?.hash;
  it('accept a trail that reaches the signed checkpoint with the same hash', () => {
    expect(checkAgainstCheckpoint(signCheckpoint(c[3], '2026-11-23T10:00:00+08:00', KEY), 5, hashAt, KEY)).toBeNull();
  });
  it('name a trail that ends before the checkpoint (entries cut off the end)', () => {
    const cp = signCheckpoint(c[4], '2026-11-23T10:00:00+08:00', KEY);
    expect(checkAgainstCheckpoint(cp, 3, hashAt, KEY)).toMatchObject({ kind: 'checkpoint', seq: 4 });
  });
  it('name a checkpoint whose entry has another hash, and a checkpoint signed without the key', () => {
    const cp = signCheckpoint({ seq: 2, hash: c[3].hash }, '2026-11-23T10:00:00+08:00', KEY);
    expect(checkAgainstCheckpoint(cp, 5, hashAt, KEY)).toMatchObject({ kind: 'checkpoint', seq: 2 });
    const forged = signCheckpoint(c[1], '2026-11-23T10:00:00+08:00', 'another-key-entirely');
    expect(checkAgainstCheckpoint(forged, 5, hashAt, KEY)).toMatchObject({ kind: 'checkpoint' });
  });
  it('name an anchor beyond the end of the trail or off the chain', () => {
    expect(checkAnchor('vote_results/r_1', { seq: 2, hash: c[1].hash }, 5, hashAt)).toBeNull();
    expect(checkAnchor('vote_results/r_1', { seq: 0, hash: GENESIS_HASH }, 0, hashAt)).toBeNull();
    expect(checkAnchor('vote_results/r_1', { seq: 7, hash: 'x' }, 5, hashAt)).toMatchObject({ kind: 'anchor', seq: 6 });
    expect(checkAnchor('vote_results/r_1', { seq: 2, hash: 'x' }, 5, hashAt)).toMatchObject({ kind: 'anchor', seq: 2 });
  });
});

describe('sealed records', () => {
  const doc = { _id: 'r_1', outcome: 'passed' };
  const seals = latestSeals([
    { ...chain(1)[0], seals: { 'vote_results/r_1': digestOf({ _id: 'r_1', outcome: 'draft' }) } },
    { ...chain(2)[1], seals: { 'vote_results/r_1': digestOf(doc), 'votes/v_1': null } },
  ]);
  it('keep the latest seal of each record', () => {
    expect(seals.get('vote_results/r_1')).toEqual({ seq: 2, digest: digestOf(doc) });
  });
  it('accept the record as sealed, and name it changed or deleted', () => {
    const seal = seals.get('vote_results/r_1')!;
    expect(checkSealedRecord('vote_results/r_1', seal, { outcome: 'passed', _id: 'r_1' })).toBeNull();
    expect(checkSealedRecord('vote_results/r_1', seal, { ...doc, outcome: 'failed' })).toMatchObject({
      kind: 'record_changed',
      seq: 2,
    });
    expect(checkSealedRecord('vote_results/r_1', seal, null)).toMatchObject({ kind: 'record_deleted' });
  });
  it('do not check a record last changed by a partial update', () => {
    expect(checkSealedRecord('votes/v_1', seals.get('votes/v_1')!, { anything: 1 })).toBeNull();
  });
});

describe('shard chains', () => {
  it('puts a record always in the same chain, one of 1…n, and spreads records over all of them', () => {
    const chains = Array.from({ length: 2000 }, (_, i) => shardChainOf(`bindings/b_${i}`, 64));
    expect(chains.every((c) => Number.isInteger(c) && c >= 1 && c <= 64)).toBe(true);
    expect(shardChainOf('bindings/b_7', 64)).toBe(chains[7]);
    const counts = new Map<number, number>();
    for (const c of chains) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(64);
    expect(Math.max(...counts.values())).toBeLessThan(3 * (2000 / 64));
  });

  it('hashes the chain an entry belongs to, so moving it to another chain breaks it', () => {
    const e = sealEntry(
      {
        chain: 5,
        seq: 1,
        at: 'x',
        actorId: null,
        action: 'a',
        target: 't',
        before: null,
        after: null,
        prevHash: GENESIS_HASH,
      },
      KEY,
    );
    expect(verifyChain([e], null, KEY).ok).toBe(true);
    expect(verifyChain([{ ...e, chain: 6 }], null, KEY).ok).toBe(false);
    expect(verifyChain([{ ...e, chain: undefined }], null, KEY).ok).toBe(false);
  });

  it('hashes the shard heads an anchor entry records', () => {
    const heads = { '3': { seq: 2, hash: 'h' } };
    const e = sealEntry(
      {
        seq: 1,
        at: 'x',
        actorId: null,
        action: 'audit.anchor',
        target: 'meta/audit_heads',
        before: null,
        after: digestOf(heads),
        prevHash: GENESIS_HASH,
        heads,
      },
      KEY,
    );
    expect(verifyChain([e], null, KEY).ok).toBe(true);
    expect(verifyChain([{ ...e, heads: { '3': { seq: 1, hash: 'h' } } }], null, KEY).ok).toBe(false);
  });
});
