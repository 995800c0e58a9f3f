/**
 * Writes validated units and people through @cloudbase/node-sdk, to a CloudBase environment or to the local emulator,
 * with the server's own Store: each batch is one transaction with its audit entries on the same hash chain the
 * actions use. Idempotent: a document equal to what is stored is not written and leaves no audit entry.
 */

import { UNITS } from '../../server/actions/org/docs';
import { allUnits } from '../../server/actions/org/load';
import { PEOPLE } from '../../server/actor';
import { birthDateEnteredOnce } from '../../server/domain/pipeline';
import { shanghaiIso } from '../../server/domain/time';
import { Store } from '../../server/store';
import type { Person, Position, Unit } from '../../typings/domain';
import type { ImportedPerson, Problem, Validated } from './model';

// biome-ignore lint/suspicious/noExplicitAny: node-sdk's database objects are untyped
type Any = any;

/** Documents per transaction. */
export const BATCH = 20;

/**
 * node-sdk's database in the shape Store was written for (wx-server-sdk's: `add({data})`, `set({data})`,
 * `doc().get()` giving one document). wx-server-sdk does the same wrapping over the same node-sdk.
 */
function wxShape(db: Any): Any {
  const coll = (c: Any) => ({
    doc: (id: string) => {
      const d = c.doc(id);
      return {
        get: async () => {
          const res = await d.get();
          return { data: Array.isArray(res.data) ? (res.data[0] ?? null) : (res.data ?? null) };
        },
        set: ({ data }: { data: object }) => d.set(data),
        update: ({ data }: { data: object }) => d.update(data),
        remove: () => d.remove(),
      };
    },
    add: ({ data }: { data: object }) => c.add(data),
    where: (w: object) => c.where(w),
  });
  return {
    command: db.command,
    collection: (name: string) => coll(db.collection(name)),
    runTransaction: (fn: (t: Any) => Promise<unknown>, retries?: number) =>
      db.runTransaction((t: Any) => fn({ collection: (name: string) => coll(t.collection(name)) }), retries),
  };
}

export interface Target {
  /** The local emulator's URL (http://127.0.0.1:PORT), or null for CloudBase. */
  local: string | null;
  envId: string;
}

/** The emulator's development audit key (emulator/index.ts gives its functions this value). */
export const LOCAL_AUDIT_SECRET = 'lingyan-local-audit-secret';

/**
 * The audit chain is keyed (LINGYAN_AUDIT_SECRET): entries written by the import must carry the key the functions use,
 * or verification would flag them. Against CloudBase the key is read from the deployed `api` function's configuration
 * with the same credentials, kept in this process's memory only, never printed; against the emulator it is the
 * emulator's development key unless the shell sets one.
 */
// biome-ignore lint/suspicious/noExplicitAny: manager-node's typings are partial
export async function auditSecretOf(target: Target, env: NodeJS.ProcessEnv, manager?: any): Promise<string> {
  if (target.local) return env.LINGYAN_AUDIT_SECRET ?? LOCAL_AUDIT_SECRET;
  const m =
    manager ??
    new (require('@cloudbase/manager-node'))({
      secretId: env.TENCENTCLOUD_SECRETID,
      secretKey: env.TENCENTCLOUD_SECRETKEY,
      token: env.TENCENTCLOUD_SESSIONTOKEN,
      envId: target.envId,
    });
  const info = await m.functions.getFunctionDetail('api');
  const found = (info?.Environment?.Variables ?? []).find((v: { Key: string }) => v.Key === 'LINGYAN_AUDIT_SECRET');
  if (!found?.Value) {
    throw new Error('环境中的 api 函数没有 LINGYAN_AUDIT_SECRET：请先运行 npm run deploy（run npm run deploy first）');
  }
  return String(found.Value);
}

/** A Store over node-sdk for the target. Credentials for CloudBase come from TENCENTCLOUD_SECRETID/SECRETKEY. */
export async function connect(target: Target, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  // The Store reads the audit key from this process's environment, as a deployed function does.
  process.env.LINGYAN_AUDIT_SECRET = await auditSecretOf(target, env);
  const tcb = require('@cloudbase/node-sdk');
  if (target.local) {
    // What emulator/http.ts documents for pointing the SDK at the emulator; TENCENTCLOUD skips the metadata probe.
    process.env.TENCENTCLOUD = 'true';
    const app = tcb.init({
      env: 'local',
      serviceUrl: `${target.local.replace(/\/$/, '')}/admin`,
      secretId: 'lingyan-local',
      secretKey: 'lingyan-local',
    });
    return new Store(wxShape(app.database()));
  }
  const app = tcb.init({
    env: target.envId,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    sessionToken: env.TENCENTCLOUD_SESSIONTOKEN,
  });
  return new Store(wxShape(app.database()));
}

/** Equal as stored documents: key order does not matter, array order does. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Positions: the workbook's terms, matched to stored ones by role, unit and start (keeping their ids); others kept. */
function mergePositions(stored: Position[], imported: Omit<Position, 'id'>[], studentNo: string): Position[] {
  const key = (p: Omit<Position, 'id'>) => `${p.role}|${p.unitId}|${p.start}`;
  const incoming = new Map(
    imported.map(({ role, unitId, unitScope, start, end }) => [
      key({ role, unitId, unitScope, start, end }),
      { role, unitId, unitScope, start, end },
    ]),
  );
  const out = stored.map((p) => {
    const x = incoming.get(key(p));
    if (!x) return p;
    incoming.delete(key(p));
    return { id: p.id, ...x };
  });
  for (const x of incoming.values()) out.push({ id: `pos_imp_${studentNo}_${x.role}_${x.unitId}_${x.start}`, ...x });
  return out;
}

export function mergePerson(stored: Person | null, row: ImportedPerson): Person {
  const { positions, birthDate, ...rest } = row;
  const keptMembership = (stored?.memberOf ?? []).filter((u) => !rest.memberOf.includes(u));
  const merged = mergePositions(stored?.positions ?? [], positions, row.studentNo);
  // Memberships the app added (e.g. through a binding) stay: an import adds and updates, it never removes.
  let memberOf = [...rest.memberOf, ...keptMembership];
  let reach = keptMembership.length === 0 ? rest.reach : [...new Set([...rest.reach, ...(stored?.reach ?? [])])];
  // The same units in another order are the same memberships: keep the stored order, so nothing is rewritten.
  if (stored && sameSet(stored.memberOf, memberOf)) memberOf = stored.memberOf;
  if (stored && sameSet(stored.reach, reach)) reach = stored.reach;
  return {
    ...(stored ?? {}),
    ...rest,
    memberOf,
    reach,
    openid: stored?.openid ?? null,
    positions: merged,
    // A1: a stored birth date is never overwritten by an import (birthDateConflicts reports a different one).
    ...(birthDateEnteredOnce(stored?.birthDate, birthDate) === 'set' ? { birthDate } : {}),
  };
}

/**
 * A1: rows whose birth date differs from the one already stored, one problem each (in Chinese, by sheet and row);
 * the import then writes nothing. The committee corrects a wrong stored date in the app (pipeline.correctBirthDate).
 */
export function birthDateConflicts(stored: ReadonlyMap<string, Person>, data: Validated): Problem[] {
  return data.people.flatMap((p) => {
    const s = stored.get(p._id);
    if (birthDateEnteredOnce(s?.birthDate, p.birthDate) !== 'conflict') return [];
    return [
      {
        sheet: '人员',
        row: data.personRows?.[p._id] ?? 0,
        column: '出生日期',
        message: `学号 ${p.studentNo}（${p.name}）已登记出生日期 ${s?.birthDate}，导入的 ${p.birthDate} 与之不同；出生日期只登记一次，如确有错误请由党委在系统中更正`,
      },
    ];
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((v) => x.has(v));
}

export interface WriteResult {
  units: { created: number; updated: number; unchanged: number };
  people: { created: number; updated: number; unchanged: number };
  /** A1: rows that would change a stored birth date; when any, nothing was written. */
  problems: Problem[];
}

export async function writeSchool(store: Store, data: Validated, now: Date): Promise<WriteResult> {
  const at = shanghaiIso(now);
  const result: WriteResult = {
    units: { created: 0, updated: 0, unchanged: 0 },
    people: { created: 0, updated: 0, unchanged: 0 },
    problems: [],
  };
  const storedPeople = new Map<string, Person>();
  for (let i = 0; i < data.people.length; i += 100) {
    const ids = data.people.slice(i, i + 100).map((p) => p._id);
    for (const p of await store.find<Person>(PEOPLE, { _id: store.command.in(ids) }, { limit: 100 })) {
      storedPeople.set(p._id, p);
    }
  }
  // A1: a different birth date on any row stops the whole import before anything is written.
  result.problems = birthDateConflicts(storedPeople, data);
  if (result.problems.length > 0) return result;
  const storedUnits = new Map((await allUnits(store)).map((u) => [u._id, u]));
  const unitChanges = data.units.filter((u) => {
    const s = storedUnits.get(u._id);
    if (s && same(s, u)) result.units.unchanged++;
    return !(s && same(s, u));
  });
  for (let i = 0; i < unitChanges.length; i += BATCH) {
    const batch = unitChanges.slice(i, i + BATCH);
    await store.write({ actorId: null, at }, async (tx) => {
      for (const u of batch) {
        const before = await tx.get<Unit>(UNITS, u._id);
        if (before && same(before, u)) continue;
        await tx.put(UNITS, u);
        tx.audit(before ? 'import.unit.update' : 'import.unit.create', `${UNITS}/${u._id}`, before, u);
        if (before) result.units.updated++;
        else result.units.created++;
      }
    });
  }
  const personChanges = data.people.filter((p) => {
    const s = storedPeople.get(p._id) ?? null;
    const unchanged = s !== null && same(s, mergePerson(s, p));
    if (unchanged) result.people.unchanged++;
    return !unchanged;
  });
  for (let i = 0; i < personChanges.length; i += BATCH) {
    const batch = personChanges.slice(i, i + BATCH);
    await store.write({ actorId: null, at }, async (tx) => {
      for (const p of batch) {
        const before = await tx.get<Person>(PEOPLE, p._id);
        const after = mergePerson(before, p);
        if (before && same(before, after)) continue;
        await tx.put(PEOPLE, after);
        tx.audit(before ? 'import.person.update' : 'import.person.create', `${PEOPLE}/${p._id}`, before, after);
        if (before) result.people.updated++;
        else result.people.created++;
      }
    });
  }
  return result;
}

/** Every unit and person stored (for export). */
export async function readSchool(store: Store): Promise<{ units: Unit[]; people: Person[] }> {
  const units = await allUnits(store);
  const people: Person[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await store.find<Person>(PEOPLE, {}, { orderBy: [['_id', 'asc']], skip, limit: 100 });
    people.push(...page);
    if (page.length < 100) break;
  }
  return { units, people };
}
