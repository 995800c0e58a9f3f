/**
 * Shared setup for the database integration tests: a fresh emulator on a random port with its own data folder,
 * and the REAL wx-server-sdk pointed at it through the environment (exactly what a deployed function sees).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmulatorServer, type ServerOptions, sdkEnv, startServer } from '../../../emulator/http';

export const INDEX_SPEC = join(__dirname, '../../../database/indexes.json');

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk's typings do not cover the database API we drive
export type Cloud = any;

export interface TestDb {
  server: EmulatorServer;
  dataDir: string;
  cloud: Cloud;
  // biome-ignore lint/suspicious/noExplicitAny: see Cloud
  db: any;
  // biome-ignore lint/suspicious/noExplicitAny: see Cloud
  _: any;
  /** Restart the server on the same data folder (the SDK keeps pointing at the new port). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'lingyan-db-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestDb(opts: Partial<ServerOptions> = {}): Promise<TestDb> {
  const dataDir = opts.dataDir ?? tempDir();
  const options: ServerOptions = { port: 0, indexSpecPath: INDEX_SPEC, ...opts, dataDir };
  let server = await startServer(options);
  Object.assign(process.env, sdkEnv(server.url), {
    SILENCE: 'true',
    LINGYAN_AUDIT_SECRET: 'lingyan-test-audit-secret',
  });
  // Loaded after the environment is set, like a function module in a CloudBase container.
  const cloud = require('wx-server-sdk');
  cloud.init({ env: 'local' });
  const db = cloud.database();
  const t: TestDb = {
    server,
    dataDir,
    cloud,
    db,
    _: db.command,
    async restart() {
      await server.close();
      server = await startServer(options);
      t.server = server;
      Object.assign(process.env, sdkEnv(server.url));
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(
  p: Promise<unknown>,
): Promise<Error & { errCode?: number; errMsg?: string; code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { errCode?: number; errMsg?: string; code?: string };
  }
  throw new Error('expected the promise to reject');
}
