/**
 * Durability: one append-only log per data directory (`<dataDir>/db.log`).
 *
 * Every committed batch (a single write, a multi-document update, a whole transaction) is ONE line of relaxed
 * EJSON, so replay applies a transaction entirely or not at all. Appends are group-committed: batches queued in
 * the same turn of the event loop share one write + fdatasync, and each caller's promise resolves only after the
 * fdatasync returned, so the HTTP reply (sent after that promise) means "on disk". A process killed mid-write
 * leaves at most a torn last line, which open() drops (it was never acknowledged).
 *
 * On open the log is replayed and, when it holds much dead weight (overwritten or deleted documents), rewritten
 * as a snapshot via write-to-temp + fsync + rename + fsync(dir), which is atomic on POSIX filesystems.
 *
 * History is also a secret: a transaction's line shows which documents changed together (a cast's line holds the
 * voter's participation record next to the ballot box with the new ballot). `compact()` rewrites the log to a
 * snapshot of the current state while the server runs — the store asks for it when a commit ends a secret vote —
 * so that from then on the data folder holds states, not the history that linked them. A crash at any point of the
 * rewrite loses nothing: before the rename the old log is whole (the leftover temp file is removed at open, and the
 * interrupted compaction is done again then), after it the new one is.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { type Doc, parse, stringifyRelaxed } from './ejson';

export type LogOp =
  | { o: 'put'; c: string; d: Doc }
  | { o: 'del'; c: string; i: unknown }
  | { o: 'create'; c: string }
  | { o: 'drop'; c: string };

export type LogBatch = LogOp[];

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface ReplayResult {
  batches: LogBatch[];
  /** Number of `put`/`del` records replayed, to judge whether compaction pays. */
  records: number;
  /** A rewrite was interrupted (its temp file was left behind): compact again now. */
  interruptedRewrite?: boolean;
}

/** The steps of a rewrite, in order; tests stop the process between them to prove a crash loses nothing. */
export type RewriteStep = 'temp-written' | 'renamed';

/** Test hook: called after each step of a rewrite (the crash tests kill the process there). */
export const rewriteHooks: { afterStep?: (step: RewriteStep) => void } = {};

export class WriteAheadLog {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing = false;
  private idle: Promise<void> = Promise.resolve();
  private closed = false;
  /** A compaction asked for: taken by the flusher once everything appended before it is on disk. */
  private compaction: { snapshot: () => LogBatch[]; waiters: Waiter[] } | null = null;

  private constructor(
    readonly path: string,
    private fh: FileHandle,
    private readonly sync: boolean,
  ) {}

  /** Read and validate the existing log (dropping a torn tail), then open it for appending. */
  static async open(
    dataDir: string,
    opts: { sync?: boolean } = {},
  ): Promise<{ log: WriteAheadLog; replay: ReplayResult }> {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'db.log');
    const tmp = `${path}.tmp`;
    // A rewrite that crashed before its rename: the log is whole, the temp file is garbage (and may hold history).
    const interruptedRewrite = existsSync(tmp);
    if (interruptedRewrite) unlinkSync(tmp);
    const replay = { ...readLog(path), interruptedRewrite };
    const fh = await open(path, 'a');
    return { log: new WriteAheadLog(path, fh, opts.sync !== false), replay };
  }

  /** Queue a batch; resolves once it is on stable storage. */
  append(batch: LogBatch): Promise<void> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    this.pending.push(`${stringifyRelaxed(batch)}\n`);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  /**
   * Rewrites the log to `snapshot()` (the whole current state) once everything appended so far is durable; resolves
   * when the new log is in place. `snapshot` is called synchronously with nothing pending, so the state it returns is
   * exactly what the log holds. Requests made while one waits are served by the same rewrite.
   */
  compact(snapshot: () => LogBatch[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    return new Promise<void>((resolve, reject) => {
      if (!this.compaction) this.compaction = { snapshot, waiters: [] };
      this.compaction.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    // setImmediate lets every write issued in this turn join the same fdatasync.
    this.idle = new Promise<void>((done) => setImmediate(() => this.flush().then(done)));
  }

  private async flush(): Promise<void> {
    for (;;) {
      if (this.pending.length === 0) {
        if (!this.compaction) break;
        const { snapshot, waiters } = this.compaction;
        this.compaction = null;
        try {
          await this.replaceWith(snapshot());
          for (const w of waiters) w.resolve();
        } catch (e) {
          for (const w of waiters) w.reject(e);
        }
        continue;
      }
      const data = this.pending.join('');
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await this.fh.write(data);
        if (this.sync) await this.fh.datasync();
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.flushing = false;
  }

  /** Wait until everything appended so far is durable. */
  async drain(): Promise<void> {
    while (this.flushing) await this.idle;
  }

  /** Replace the log with `batches` atomically (compaction at open, before anything is appended). */
  async rewrite(batches: LogBatch[]): Promise<void> {
    await this.drain();
    await this.replaceWith(batches);
  }

  /**
   * Write-to-temp, fsync, rename over the log, fsync the folder, then append to the new file. The steps before the
   * rename are synchronous, so nothing is appended to the old file between the snapshot and the rename.
   */
  private async replaceWith(batches: LogBatch[]): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      for (const b of batches) writeSync(fd, `${stringifyRelaxed(b)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rewriteHooks.afterStep?.('temp-written');
    renameSync(tmp, this.path);
    fsyncDir(join(this.path, '..'));
    rewriteHooks.afterStep?.('renamed');
    const old = this.fh;
    this.fh = await open(this.path, 'a');
    await old.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain();
    this.closed = true;
    await this.fh.close();
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename itself is still atomic there.
  }
}

function readLog(path: string): ReplayResult {
  if (!existsSync(path)) return { batches: [], records: 0 };
  const text = readFileSync(path, 'utf8');
  const batches: LogBatch[] = [];
  let records = 0;
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const line = nl === -1 ? text.slice(offset) : text.slice(offset, nl);
    let batch: LogBatch | undefined;
    try {
      batch = parse(line) as LogBatch;
    } catch {
      batch = undefined;
    }
    if (!batch || !Array.isArray(batch)) {
      const isTail = nl === -1 || text.slice(nl + 1).trim() === '';
      if (!isTail) throw new Error(`${path}: corrupt record at byte ${offset}; refusing to open`);
      // A torn final line was never acknowledged: drop it so later appends start on a clean line.
      truncateSync(path, Buffer.byteLength(text.slice(0, offset), 'utf8'));
      break;
    }
    batches.push(batch);
    for (const op of batch) if (op.o === 'put' || op.o === 'del') records++;
    if (nl === -1) {
      // Complete JSON without its newline: keep it, and terminate the line before appending more.
      const fd = openSync(path, 'a');
      writeSync(fd, '\n');
      fsyncSync(fd);
      closeSync(fd);
      break;
    }
    offset = nl + 1;
  }
  return { batches, records };
}
