/**
 * Emulator database benchmark: 100,000 documents bulk-loaded through the direct API, then point reads
 * (doc(id).get()) and indexed equality queries (where({studentNo}).get()) through the REAL wx-server-sdk over HTTP,
 * one request at a time, so the figures are per-call latency as a cloud function would see it.
 *
 *   npx tsx bench/emulator.ts        prints the JSON
 *   import { benchEmulator } from './emulator'
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sdkEnv, startServer } from '../emulator/http';

export interface EmulatorBench {
  pointReadP50Ms: number;
  pointReadP95Ms: number;
  indexedQueryP50Ms: number;
  indexedQueryP95Ms: number;
  /** Time to insert the documents (indexes maintained, one fdatasync) — context for the figures above. */
  loadMs: number;
  /** Time to reopen the data folder (log replay + index rebuild). */
  reopenMs: number;
  documents: number;
  samples: number;
}

const DOCS = 100_000;
const SAMPLES = 400;
const WARMUP = 50;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 1000) / 1000;
}

function person(i: number) {
  return {
    _id: `p${i}`,
    studentNo: `S${String(i).padStart(7, '0')}`,
    name: `学生${i}`,
    openid: `o${i.toString(36)}`,
    status: i % 5 === 0 ? 'activist' : 'applicant',
    positions: [{ unitId: `u${i % 500}`, role: 'member', start: new Date(1_700_000_000_000 + i), end: null }],
    createdAt: new Date(1_700_000_000_000 + i * 1000),
  };
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export async function benchEmulator(): Promise<EmulatorBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lingyan-bench-'));
  const indexSpecPath = join(__dirname, '../database/indexes.json');
  const env = sdkEnv('http://127.0.0.1:0');
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  let server = await startServer({ port: 0, dataDir, indexSpecPath });
  try {
    const docs = Array.from({ length: DOCS }, (_, i) => person(i));
    let t0 = performance.now();
    await server.db.collection('people').insertMany(docs);
    const loadMs = Math.round(performance.now() - t0);

    await server.close();
    t0 = performance.now();
    server = await startServer({ port: 0, dataDir, indexSpecPath });
    const reopenMs = Math.round(performance.now() - t0);

    Object.assign(process.env, sdkEnv(server.url));
    const cloud = require('wx-server-sdk');
    cloud.init({ env: 'local' });
    const people = cloud.database().collection('people');
    // Deterministic pseudo-random ids spread over the whole collection.
    const pick = (i: number) => (i * 7919 + 13) % DOCS;

    await timeEach(WARMUP, (i) => people.doc(`p${pick(i)}`).get());
    const reads = await timeEach(SAMPLES, async (i) => {
      const { data } = await people.doc(`p${pick(i + WARMUP)}`).get();
      if (data._id !== `p${pick(i + WARMUP)}`) throw new Error('point read returned the wrong document');
    });
    const queries = await timeEach(SAMPLES, async (i) => {
      const n = pick(i + 3 * WARMUP);
      const { data } = await people.where({ studentNo: `S${String(n).padStart(7, '0')}` }).get();
      if (data.length !== 1 || data[0]._id !== `p${n}`) throw new Error('indexed query returned the wrong documents');
    });

    return {
      pointReadP50Ms: percentile(reads, 50),
      pointReadP95Ms: percentile(reads, 95),
      indexedQueryP50Ms: percentile(queries, 50),
      indexedQueryP95Ms: percentile(queries, 95),
      loadMs,
      reopenMs,
      documents: DOCS,
      samples: SAMPLES,
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

if (require.main === module) {
  benchEmulator()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
