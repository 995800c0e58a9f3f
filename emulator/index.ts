/**
 * The local CloudBase: database over the SDK wire protocol, function host, identity, outbox.
 * `startEmulator` is what `npm start` runs and what every integration test starts (on a random port
 * with its own data folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { accountIdFor } from '../server/actions/org/docs';
import { CHECKPOINT_PATH } from '../server/store';
import { type Person, ROLE_LABELS, type Unit } from '../typings/domain';
import type { LogBatch } from './db/persistence';
import { type TransactionMode, type TransactionStats, transactionModeFromEnv } from './db/transactions';
import { demoSchool } from './demo/school';
import { type DemoWorldIds, seedWorld } from './demo/world';
import { type Host, type HostedFunction, loadFunctionConfig, mountHost } from './host';
import { type EmulatorServer, sdkEnv, startServer } from './http';
import { installInvocationEnv } from './invocation-env';
import { mountStorage, STORAGE_BUCKET } from './storage';

export const ROOT = path.resolve(__dirname, '..');
export const FUNCTION_NAMES = ['api', 'scheduler'] as const;

export interface StartOptions {
  port?: number;
  dataDir: string;
  /** 'source' loads cloudfunctions/<name>/index.ts (tests, via the TS transform); 'build' loads build/functions/<name>/index.js. */
  functions?: 'source' | 'build';
  /**
   * 'base': the demo school's roster (units, people, accounts, pending bindings), written directly — what most
   * tests need, in a few milliseconds. 'full': the roster, then the demo world (公示, objections, 票决 in every
   * state, changed vote settings) made by calling the real actions as the demo personas (emulator/demo/world.ts).
   * Only an empty database is seeded, or one whose seeding began and never completed (SEED_MARKER).
   */
  seed?: false | 'base' | 'full';
  /**
   * The instant the 'full' world is seeded at (ISO); the clock then stays pinned there, so that what the world
   * shows never moves (previews, component tests). Without it the world is seeded relative to the real clock,
   * which then runs on.
   */
  seedNow?: string;
  timers?: boolean;
  /** Environment the deployed functions would have (e.g. LINGYAN_SETUP_CODE). */
  functionEnv?: Record<string, string>;
  /**
   * Overrides every function's configured timeout (seconds). Only for load benchmarks: CloudBase runs each
   * invocation in its own container, this process runs them all on one core, so a burst of a thousand waits in
   * this process's queue for longer than any one invocation would take on CloudBase.
   */
  functionTimeoutS?: number;
  /**
   * Transactions conflict as on CloudBase: they run at once, and a commit fails with DATABASE_TRANSACTION_CONFLICT
   * when another writer committed a document it read or wrote since it started (emulator/db/transactions.ts).
   * Default from LINGYAN_EMULATOR_CONFLICTS=1; without either, transactions take turns and never conflict.
   */
  conflicts?: boolean;
}

export interface Emulator {
  server: EmulatorServer;
  host: Host;
  url: string;
  /** Calls the `api` function as the given openid, exactly as the mini-program would. */
  call(
    action: string,
    input: unknown,
    openid?: string,
  ): Promise<{ body: unknown; roundTrips: number; storageCalls: number }>;
  /** Whether transactions conflict (optimistic) or take turns (serial). */
  transactionMode: TransactionMode;
  /** Transactions started, committed and refused for a conflict since the start or `resetStats()`. */
  transactionStats(): TransactionStats;
  /** The ids of the demo world's notices, votes and objections (seed 'full'), else null. */
  world: DemoWorldIds | null;
  close(): Promise<void>;
}

export async function startEmulator(opts: StartOptions): Promise<Emulator> {
  if (opts.seed) discardUnfinishedSeed(opts.dataDir);
  const server = await startServer({
    port: opts.port ?? 0,
    dataDir: opts.dataDir,
    indexSpecPath: path.join(ROOT, 'database/indexes.json'),
    compactAfter: endsSecretVote,
    transactions: opts.conflicts === undefined ? transactionModeFromEnv() : opts.conflicts ? 'optimistic' : 'serial',
  });
  // Whatever fails from here on (a seed refused by the rules, a function that does not load), what was started is
  // closed before the error goes up, so a failing start leaves no listening server or armed timer behind.
  let host: Host | null = null;
  try {
    return await startOn(server, opts, (h) => {
      host = h;
    });
  } catch (e) {
    (host as Host | null)?.stop();
    await server.close();
    throw e;
  }
}

async function startOn(server: EmulatorServer, opts: StartOptions, started: (host: Host) => void): Promise<Emulator> {
  installInvocationEnv();
  const storage = mountStorage(server, opts.dataDir);
  // What CloudBase sets for every function container, pointed at this emulator. Set globally for the
  // functions' module-level init, and per invocation so that several emulators can share one process (tests).
  const functionEnv = {
    ...sdkEnv(server.url),
    LINGYAN_EMULATOR_URL: server.url,
    // Keys objector digests (server/actions/notices/docs.ts). A development value: deployments set their own.
    LINGYAN_OBJECTION_SECRET: 'lingyan-local-objection-secret',
    // Keys the audit chain and signs its checkpoints (server/store.ts). A development value likewise.
    LINGYAN_AUDIT_SECRET: 'lingyan-local-audit-secret',
    // Keys the rotating check-in codes of training sessions and vote meetings (server/domain/checkin/token.ts). Development value.
    LINGYAN_CHECKIN_SECRET: 'lingyan-local-checkin-secret',
    // Where the audit checkpoint lives in this emulator's file storage (the fileID an upload of it returns).
    LINGYAN_AUDIT_CHECKPOINT_FILE: `cloud://local.${STORAGE_BUCKET}/${CHECKPOINT_PATH}`,
    // Keys the digest of the ID-number digits a roster import may carry as a binding's second factor.
    LINGYAN_ROSTER_SECRET: 'lingyan-local-roster-secret',
    // The development pipeline's reminder template (server/actions/pipeline/reminders.ts); the outbox shows what was sent.
    LINGYAN_TEMPLATE_PIPELINE_DUE: 'lingyan_pipeline_due',
    ...(opts.functionEnv ?? {}),
  };
  Object.assign(process.env, functionEnv);

  const seeding = opts.seed && (await isEmpty(server));
  if (seeding) {
    writeSeedMarker(opts.dataDir, { seed: opts.seed || 'base', complete: false });
    await seedDemoSchool(server);
  }

  const functions: HostedFunction[] = FUNCTION_NAMES.map((name) => {
    const dir = path.join(ROOT, 'cloudfunctions', name);
    const entry =
      opts.functions === 'build' ? path.join(ROOT, 'build/functions', name, 'index.js') : path.join(dir, 'index.ts');
    const mod = require(entry) as { main: HostedFunction['main'] };
    return { name, main: mod.main, config: loadFunctionConfig(dir) };
  });

  const host = mountHost(server, functions, {
    dataDir: opts.dataDir,
    env: functionEnv,
    timers: opts.timers ?? false,
    timeoutS: opts.functionTimeoutS,
    personas: () => personas(server),
    catalog: () => require('../server/catalog').actionCatalog(),
  });
  started(host);

  // The world is made by the actions themselves, so it is seeded once the function host is up.
  const worldFile = path.join(opts.dataDir, 'demo-world.json');
  if (seeding && opts.seed === 'full') {
    const now = opts.seedNow ? new Date(opts.seedNow) : new Date();
    const putFile = (cloudPath: string, content: Buffer) => {
      const file = storage.fileFor(cloudPath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return `cloud://local.${STORAGE_BUCKET}/${cloudPath}`;
    };
    const ids = await seedWorld(
      { invoke: host.invoke, setClock: host.setClock, fireTimers: host.fireTimers, putFile },
      now,
    );
    fs.writeFileSync(worldFile, `${JSON.stringify(ids, null, 2)}\n`);
  }
  // Written last: until then a stopped start (killed, or a step of the world refused) leaves a folder seeded again.
  if (seeding) writeSeedMarker(opts.dataDir, { seed: opts.seed || 'base', complete: true });
  if (opts.seedNow) host.setClock(new Date(opts.seedNow).toISOString());
  const world = fs.existsSync(worldFile) ? (JSON.parse(fs.readFileSync(worldFile, 'utf8')) as DemoWorldIds) : null;

  return {
    server,
    host,
    url: server.url,
    world,
    transactionMode: server.db.transactions.mode,
    transactionStats: () => ({ ...server.db.transactions.stats }),
    async call(action, input, openid) {
      const r = await host.invoke('api', { action, input }, { openid });
      return { body: r.result, roundTrips: r.roundTrips, storageCalls: r.storageCalls };
    },
    async close() {
      host.stop();
      await server.close();
    },
  };
}

/**
 * F1, F4 (a secret ballot, 中国共产党发展党员工作细则 第二十一条: keep participation and aggregates, never who chose
 * what): the log
 * line of a cast holds the voter's participation record next to the ballot box with the new ballot. When a secret
 * vote ends (closed or cancelled) the database rewrites its log to a snapshot, so the data folder keeps the records
 * (check-in order, boxes in code order) and none of the history that joined them.
 */
export function endsSecretVote(batch: LogBatch): boolean {
  return batch.some(
    (op) =>
      op.o === 'put' &&
      op.c === 'votes' &&
      op.d.secret === true &&
      (op.d.state === 'closed' || op.d.state === 'cancelled'),
  );
}

/**
 * `<dataDir>/seed.json`: `complete: false` is written before the first seed document, `complete: true` after the last
 * (the roster, and for 'full' the world and its ids). A folder whose seeding began and never completed is seeded
 * again from scratch; a folder without the file (seeded before the file existed, or never seeded) is left as it is.
 */
export const SEED_MARKER = 'seed.json';

interface SeedMarker {
  seed: 'base' | 'full';
  complete: boolean;
}

function writeSeedMarker(dataDir: string, marker: SeedMarker): void {
  fs.writeFileSync(path.join(dataDir, SEED_MARKER), `${JSON.stringify(marker)}\n`);
}

/** Removes what a seeding that never completed left (database, world ids, outbox, stored files). */
function discardUnfinishedSeed(dataDir: string): void {
  const file = path.join(dataDir, SEED_MARKER);
  if (!fs.existsSync(file)) return;
  const marker = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedMarker;
  if (marker.complete) return;
  for (const f of ['db.log', 'db.log.tmp', 'demo-world.json', 'outbox.jsonl', SEED_MARKER])
    fs.rmSync(path.join(dataDir, f), { force: true });
  for (const d of ['storage', 'storage.tmp']) fs.rmSync(path.join(dataDir, d), { recursive: true, force: true });
}

async function isEmpty(server: EmulatorServer): Promise<boolean> {
  return (await server.db.collection('units').count()) === 0;
}

/**
 * Loads the demo school's roster straight into the store (no audit entries: the trail starts with the first real
 * action). Everything after the roster is made by actions (emulator/demo/world.ts).
 */
export async function seedDemoSchool(server: EmulatorServer): Promise<void> {
  const demo = demoSchool();
  await server.db.collection('units').insertMany(demo.units);
  await server.db.collection('people').insertMany(demo.people);
  await server.db.collection('bindings').insertMany(demo.bindings);
  const accounts = demo.people
    .filter((p) => p.openid)
    .map((p) => ({ _id: accountIdFor(p.openid!), personId: p._id, at: '2026-09-01T00:00:00.000+08:00' }));
  await server.db.collection('accounts').insertMany(accounts);
  // The demo already has its administrator: the setup code is not needed (nor accepted).
  await server.db
    .collection('meta')
    .insertMany([{ _id: 'bootstrap', personId: 'p_T0001', at: '2026-09-01T00:00:00.000+08:00' }]);
}

export interface Persona {
  openid: string;
  name: string;
  studentNo: string;
  status: string;
  roles: { role: string; roleLabel: string; unitId: string; unitName: string }[];
}

async function personas(server: EmulatorServer): Promise<Persona[]> {
  const people = (await server.db.collection('people').find({ openid: { $ne: null } })) as Person[];
  const units = (await server.db.collection('units').find({})) as Unit[];
  const names = new Map(units.map((u) => [u._id, u.name]));
  return people
    .map((p) => ({
      openid: p.openid!,
      name: p.name,
      studentNo: p.studentNo,
      status: p.status,
      roles: p.positions
        .filter((pos) => pos.end === null)
        .map((pos) => ({
          role: pos.role,
          roleLabel: ROLE_LABELS[pos.role],
          unitId: pos.unitId,
          unitName: names.get(pos.unitId) ?? '',
        })),
    }))
    .sort((a, b) => b.roles.length - a.roles.length || a.openid.localeCompare(b.openid));
}
