import {
  type AuditEntry,
  canonicalJson,
  digestOf,
  GENESIS_HASH,
  sealEntry,
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
