/**
 * Secondary indexes declared in database/indexes.json (the same file scripts deploy to CloudBase).
 *
 * Two jobs: enforce `unique` the way MongoDB does (CloudBase is MongoDB underneath), and make equality queries on
 * an indexed field cost a hash lookup instead of a scan. Indexes are hash maps from a normalised value key to the
 * set of document ids; matching is always re-checked with mingo, so an index only has to return a superset.
 *
 * MongoDB semantics kept on purpose:
 *  - multikey: an array value is indexed once per element (`ancestors: [a, b]` is found by `{ancestors: a}`), and a
 *    path through an array of objects (`positions.unitId`) collects every element's value;
 *  - a missing field is indexed as null, so a unique index admits only ONE document without the field
 *    (CloudBase indexes are not sparse). Give unique fields a value on every document.
 */
import { readFileSync } from 'node:fs';
import { type Doc, stringifyRelaxed } from './ejson';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  rules?: unknown;
  indexes: IndexSpec[];
}

export interface IndexSpecFile {
  collections: Record<string, CollectionSpec>;
}

export function loadIndexSpec(path: string): IndexSpecFile {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<IndexSpecFile>;
  if (!raw || typeof raw.collections !== 'object' || raw.collections === null) {
    throw new Error(`${path}: expected {collections: {name: {rules, indexes: [...]}}}`);
  }
  for (const [name, spec] of Object.entries(raw.collections)) {
    if (!Array.isArray(spec.indexes)) throw new Error(`${path}: collections.${name}.indexes must be an array`);
    for (const ix of spec.indexes) {
      if (typeof ix.name !== 'string' || !ix.keys || Object.keys(ix.keys).length === 0) {
        throw new Error(`${path}: collections.${name} has an index without a name or keys`);
      }
    }
  }
  return raw as IndexSpecFile;
}

/**
 * Normalised key for a scalar. Strings (the common case) are their own key, so indexing them allocates nothing;
 * every other type gets a '\u0001'-tagged key (as do the rare strings that start with '\u0001'), so keys of
 * different types never collide. Numbers compare by value: MongoDB treats int 1 and double 1.0 as equal, like JS.
 */
const TAG = '\u0001';
const MISSING = `${TAG}z`;

export function valueKey(v: unknown): string {
  if (typeof v === 'string') return v.charCodeAt(0) === 1 ? `${TAG}s${v}` : v;
  if (v === undefined || v === null) return MISSING;
  if (typeof v === 'number') return `${TAG}n${Object.is(v, -0) ? 0 : v}`;
  if (typeof v === 'boolean') return v ? `${TAG}b1` : `${TAG}b0`;
  if (v instanceof Date) return `${TAG}d${v.getTime()}`;
  // Objects/arrays as whole values: only reachable for unique checks; a stable text form suffices.
  return `${TAG}o${stringifyRelaxed(v)}`;
}

/** Every value an index on `path` holds for this document (MongoDB multikey expansion, one array level). */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  if (path.indexOf('.') === -1 && doc !== null && typeof doc === 'object') {
    // Fast path for a top-level field that is not an array (most indexed fields).
    const v = (doc as Doc)[path];
    if (!Array.isArray(v)) return [v];
  }
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out.length ? out : [undefined];
}

function collect(value: unknown, segs: string[], i: number, out: unknown[]): void {
  if (i === segs.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      else for (const el of value) out.push(el);
    } else {
      out.push(value);
    }
    return;
  }
  if (Array.isArray(value)) {
    const seg = segs[i];
    if (/^\d+$/.test(seg)) collect(value[Number(seg)], segs, i + 1, out);
    for (const el of value) {
      if (el !== null && typeof el === 'object' && !Array.isArray(el)) collect((el as Doc)[seg], segs, i + 1, out);
    }
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    collect((value as Doc)[segs[i]], segs, i + 1, out);
    return;
  }
  out.push(undefined);
}

/**
 * Posting lists: value key → the id holding it, or a Set once several do. Most keys of a unique or
 * near-unique field have one holder, so not allocating a Set for them halves the memory of a 100k-document load.
 */
type Postings = Map<string, string | Set<string>>;

function addTo(map: Postings, key: string, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'string') {
    if (cur !== id) map.set(key, new Set([cur, id]));
  } else cur.add(id);
}

function removeFrom(map: Postings, key: string, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) return;
  if (typeof cur === 'string') {
    if (cur === id) map.delete(key);
    return;
  }
  cur.delete(id);
  if (cur.size === 1) map.set(key, cur.values().next().value as string);
}

function holders(map: Postings, key: string): number {
  const cur = map.get(key);
  return cur === undefined ? 0 : typeof cur === 'string' ? 1 : cur.size;
}

function fieldKeys(doc: Doc, path: string): string[] {
  const vals = valuesAtPath(doc, path);
  return vals.length === 1 ? [valueKey(vals[0])] : [...new Set(vals.map(valueKey))];
}

interface IndexKeys {
  leading: string[];
  full: string[];
}

export class Index {
  readonly fields: string[];
  readonly unique: boolean;
  readonly name: string;
  /** Leading-field value key → ids: what equality queries use. */
  private readonly byLeading: Postings = new Map();
  /** Full compound key → ids: what uniqueness is checked on (same map as byLeading for one-field indexes). */
  private readonly byFull: Postings;

  constructor(spec: IndexSpec) {
    this.name = spec.name;
    this.fields = Object.keys(spec.keys);
    this.unique = spec.unique === true;
    this.byFull = this.fields.length === 1 ? this.byLeading : new Map();
  }

  keysFor(doc: Doc): IndexKeys {
    if (this.fields.length === 1) {
      const keys = fieldKeys(doc, this.fields[0]);
      return { leading: keys, full: keys };
    }
    const perField = this.fields.map((f) => fieldKeys(doc, f));
    let full = perField[0];
    for (const keys of perField.slice(1)) full = full.flatMap((prefix) => keys.map((k) => `${prefix}\u0000${k}`));
    return { leading: perField[0], full };
  }

  /** True when another document already holds one of these keys in this unique index. */
  conflicts(id: string, keys: IndexKeys): boolean {
    if (!this.unique) return false;
    for (const key of keys.full) {
      const cur = this.byFull.get(key);
      if (cur === undefined) continue;
      if (typeof cur === 'string' ? cur !== id : cur.size > 1 || !cur.has(id)) return true;
    }
    return false;
  }

  /** Human-readable duplicate key in the `{ field: value }` style of MongoDB's E11000 message. */
  describe(doc: Doc): string {
    const parts = this.fields.map((f) => {
      const vals = valuesAtPath(doc, f);
      const v = vals.length === 1 ? vals[0] : vals;
      return `${f}: ${v === undefined ? 'null' : stringifyRelaxed(v)}`;
    });
    return `{ ${parts.join(', ')} }`;
  }

  add(id: string, keys: IndexKeys): void {
    for (const k of keys.leading) addTo(this.byLeading, k, id);
    if (this.byFull !== this.byLeading) for (const k of keys.full) addTo(this.byFull, k, id);
  }

  /** Unindex a document. Stored documents are never mutated, so its keys are recomputed rather than remembered. */
  remove(id: string, doc: Doc): void {
    const keys = this.keysFor(doc);
    for (const k of keys.leading) removeFrom(this.byLeading, k, id);
    if (this.byFull !== this.byLeading) for (const k of keys.full) removeFrom(this.byFull, k, id);
  }

  clear(): void {
    this.byLeading.clear();
    this.byFull.clear();
  }

  /** Ids whose leading field equals one of `values` (superset of the matches; mingo filters the rest). */
  lookup(values: unknown[]): Set<string> {
    const out = new Set<string>();
    for (const v of values) {
      const ids = this.byLeading.get(valueKey(v));
      if (ids === undefined) continue;
      if (typeof ids === 'string') out.add(ids);
      else for (const id of ids) out.add(id);
    }
    return out;
  }

  /** Number of ids under these values, to choose the most selective index cheaply. */
  estimate(values: unknown[]): number {
    let n = 0;
    for (const v of values) n += holders(this.byLeading, valueKey(v));
    return n;
  }
}

/** Values a scalar equality can be answered from an index: no null (matches missing), arrays, objects, regexes. */
function isIndexableScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;
}

/**
 * Top-level equality constraints of a query: `{f: v}`, `{f: {$eq: v}}`, `{f: {$in: [...]}}`, also inside a
 * top-level `$and`. Each entry means "every match has f equal to one of these values".
 */
export function equalityConstraints(query: Doc): Array<{ field: string; values: unknown[] }> {
  const out: Array<{ field: string; values: unknown[] }> = [];
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (sub && typeof sub === 'object') out.push(...equalityConstraints(sub as Doc));
      continue;
    }
    if (field.startsWith('$')) continue;
    if (isIndexableScalar(cond)) {
      out.push({ field, values: [cond] });
    } else if (cond && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof RegExp)) {
      const ops = cond as Doc;
      if ('$eq' in ops && isIndexableScalar(ops.$eq)) out.push({ field, values: [ops.$eq] });
      else if (Array.isArray(ops.$in) && ops.$in.length > 0 && ops.$in.every(isIndexableScalar)) {
        out.push({ field, values: ops.$in });
      }
    }
  }
  return out;
}
