/**
 * The function host: runs each cloud function's exported `main` the way CloudBase would, with the
 * caller's identity from the `x-lingyan-openid` header (honoured only here), counts database round
 * trips per invocation, fires timer triggers from each function's config.json, and records openapi
 * calls in an outbox instead of sending them.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Cron } from 'croner';
import { ERROR_MESSAGES } from '../typings/errors';
import { parseCloudbaseCron } from './cron';
import type { EmulatorServer } from './http';
import { withInvocationEnv } from './invocation-env';

export interface FunctionConfig {
  timeout?: number;
  triggers?: { name: string; type: string; config: string }[];
}

export interface HostedFunction {
  name: string;
  main: (event: unknown, context: unknown) => Promise<unknown>;
  config: FunctionConfig;
}

export interface InvocationResult {
  invocationId: string;
  roundTrips: number;
  /** Storage calls (temporary links, uploads), which are no database round trips. */
  storageCalls: number;
  result: unknown;
  timedOut: boolean;
}

export interface OutboxRecord {
  api: string;
  payload: unknown;
  at: string;
}

export interface Host {
  invoke(name: string, event: unknown, opts?: { openid?: string }): Promise<InvocationResult>;
  /** Pins the clock the functions see (ISO instant), or null for the real clock. */
  setClock(iso: string | null): void;
  readonly outbox: OutboxRecord[];
  /** Runs every timer trigger once now (what a tick at this instant would do). */
  fireTimers(): Promise<InvocationResult[]>;
  stop(): void;
}

/** Words the emulated content check treats as risky, so rejection paths can be exercised locally. */
export const RISKY_WORDS = ['违禁词', '赌博', '诈骗'];
/** Words for which the emulated check answers "review" (WeChat unsure: a person should look). */
export const REVIEW_WORDS = ['人工复核'];
/**
 * Images are judged by their file name in the emulator (it cannot see pictures): a name containing one of these
 * is risky. The verdict arrives asynchronously, as WeChat's `wxa_media_check` push does.
 */
export const RISKY_MEDIA_WORDS = ['risky', 'weijin'];
/**
 * A file name containing one of these is never answered: WeChat took the check and its push was lost (what the
 * showcase's resubmission job is for).
 */
export const UNANSWERED_MEDIA_WORDS = ['unanswered'];
/** A file name containing one of these loses its first push only: a resubmission of the same file is answered. */
export const LOST_ONCE_MEDIA_WORDS = ['lostonce'];
/** A 1×1 PNG, base64: what the emulator answers for a mini-program code. */
const PLACEHOLDER_CODE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** How long the emulator's media check takes to answer (production: seconds to minutes). */
export const MEDIA_CHECK_DELAY_MS = 30;

export function loadFunctionConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig) : {};
}

export function mountHost(
  server: EmulatorServer,
  functions: HostedFunction[],
  opts: {
    dataDir: string;
    /** Variables every invocation sees (the SDK endpoint of this emulator, deployment settings). */
    env: Record<string, string>;
    timers?: boolean;
    /** Replaces every function's configured timeout (seconds); see StartOptions.functionTimeoutS. */
    timeoutS?: number;
    personas?: () => Promise<unknown[]>;
    catalog?: () => unknown;
  },
): Host {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const outbox: OutboxRecord[] = [];
  const outboxFile = path.join(opts.dataDir, 'outbox.jsonl');
  let pinnedNow: string | null = null;
  /** Files whose first media-check push was lost (LOST_ONCE_MEDIA_WORDS). */
  const lostOnce = new Set<string>();

  async function invoke(name: string, event: unknown, o: { openid?: string } = {}): Promise<InvocationResult> {
    const fn = byName.get(name);
    if (!fn) throw new Error(`no function named ${name}`);
    const invocationId = `inv-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const vars: Record<string, string> = {
      ...opts.env,
      // What an SCF container has. Besides fidelity it matters for load: outside SCF node-sdk sends every
      // request through ONE keep-alive agent capped at 100 sockets, shared here by all invocations in this
      // process; with more than 100 transactions queued at startTransaction, the lock holder's next request
      // waits for a socket behind them and nothing moves until the transaction times out. In SCF (one
      // invocation per container) node-sdk uses Node's global agent instead, as it does here with these set.
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SCF_NAMESPACE: 'lingyan-local',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      WX_APPID: 'wx-lingyan-local',
      TCB_SEQID: invocationId,
      ...(o.openid ? { WX_OPENID: o.openid } : {}),
      ...(pinnedNow ? { LINGYAN_NOW: pinnedNow } : {}),
    };
    const timeoutMs = (opts.timeoutS ?? fn.config.timeout ?? 3) * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const run = withInvocationEnv(vars, () =>
      fn.main(event, { request_id: invocationId, function_name: name, namespace: 'local' }),
    );
    const outcome = await Promise.race([run, timeout]);
    clearTimeout(timer);
    const timedOut = outcome === 'timeout';
    return {
      invocationId,
      roundTrips: server.roundTrips(invocationId),
      storageCalls: server.storageCalls(invocationId),
      result: timedOut ? { errCode: -504003, errMsg: `function ${name} timed out after ${timeoutMs} ms` } : outcome,
      timedOut,
    };
  }

  server.route('POST', '/functions/', async (req, res, body) => {
    const name = decodeURIComponent((req.url ?? '').split('?')[0].slice('/functions/'.length));
    if (!byName.has(name)) return sendJson(res, 404, { errCode: -501000, errMsg: `function ${name} not found` });
    let event: unknown;
    try {
      event = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      // What the api function itself answers for an event it cannot read: the envelope, never a bare error.
      return sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: '请求内容不是有效的 JSON' } });
    }
    const header = req.headers['x-lingyan-openid'];
    const openid = typeof header === 'string' && header ? header : undefined;
    const r = await invoke(name, event, { openid });
    res.setHeader('x-lingyan-invocation', r.invocationId);
    res.setHeader('x-lingyan-roundtrips', String(r.roundTrips));
    res.setHeader('x-lingyan-storagecalls', String(r.storageCalls));
    sendJson(res, r.timedOut ? 504 : 200, r.result);
  });

  // A body too large to buffer gets the envelope the api answers for an oversized input, never a bare error.
  server.tooLarge('/functions/', {
    ok: false,
    error: { code: 'INPUT_TOO_LARGE', message: ERROR_MESSAGES.INPUT_TOO_LARGE },
  });

  server.route('POST', '/outbox/', async (req, res, body) => {
    const api = (req.url ?? '').split('?')[0].slice('/outbox/'.length);
    const payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    const keep = (record: OutboxRecord) => {
      outbox.push(record);
      fs.appendFileSync(outboxFile, `${JSON.stringify(record)}\n`);
    };
    if (api === 'security.msgSecCheck') {
      // The check reads the openid and the text while it judges; what is kept afterwards is the verdict and
      // the text's length only, so the outbox never links a person to what they wrote (an anonymous objection).
      const { content: raw, scene, version } = payload as { content?: unknown; scene?: unknown; version?: unknown };
      const content = String(raw ?? '');
      const risky = RISKY_WORDS.some((w) => content.includes(w));
      const review = !risky && REVIEW_WORDS.some((w) => content.includes(w));
      const result = { suggest: risky ? 'risky' : review ? 'review' : 'pass', label: risky || review ? 20001 : 100 };
      keep({ api, payload: { scene, version, chars: content.length, result }, at: new Date().toISOString() });
      return sendJson(res, 200, { errcode: 0, result });
    }
    if (api === 'security.mediaCheckAsync') {
      // Answers a trace id at once; the verdict is pushed later to the function that receives WeChat's message
      // pushes (the scheduler), as a `wxa_media_check` event. Kept: the verdict and the file's name length only.
      const { fileID: raw, scene, version } = payload as { fileID?: unknown; scene?: unknown; version?: unknown };
      const fileID = String(raw ?? '').toLowerCase();
      const traceId = randomBytes(16).toString('hex');
      const suggest = RISKY_MEDIA_WORDS.some((w) => fileID.includes(w)) ? 'risky' : 'pass';
      const result = { suggest, label: suggest === 'pass' ? 100 : 20002 };
      keep({ api, payload: { scene, version, chars: fileID.length, result }, at: new Date().toISOString() });
      sendJson(res, 200, { errcode: 0, errmsg: 'ok', trace_id: traceId });
      if (UNANSWERED_MEDIA_WORDS.some((w) => fileID.includes(w))) return;
      if (LOST_ONCE_MEDIA_WORDS.some((w) => fileID.includes(w)) && !lostOnce.has(fileID)) {
        lostOnce.add(fileID);
        return;
      }
      const push = { ToUserName: 'gh_lingyan', Event: 'wxa_media_check', version: 2, trace_id: traceId, result };
      setTimeout(() => {
        invoke('scheduler', push).catch((e) => console.error('[media check push]', e));
      }, MEDIA_CHECK_DELAY_MS).unref();
      return;
    }
    if (api === 'wxacode.getUnlimited') {
      // A stand-in for the code's picture (the emulator draws no real code): a small valid PNG.
      keep({ api, payload, at: new Date().toISOString() });
      return sendJson(res, 200, { errcode: 0, contentType: 'image/png', buffer: PLACEHOLDER_CODE_PNG });
    }
    keep({ api, payload, at: new Date().toISOString() });
    sendJson(res, 200, { errcode: 0, errmsg: 'ok' });
  });
  server.route('GET', '/outbox', async (_req, res) => sendJson(res, 200, { records: outbox }));

  server.route('POST', '/debug/clock', async (_req, res, body) => {
    const { now } = JSON.parse(body.toString('utf8') || '{}') as { now?: string | null };
    if (now && Number.isNaN(Date.parse(now)))
      return sendJson(res, 400, { error: 'now must be an ISO instant or null' });
    pinnedNow = now ?? null;
    sendJson(res, 200, { now: pinnedNow });
  });

  if (opts.personas) {
    const personas = opts.personas;
    server.route('GET', '/personas', async (_req, res) => sendJson(res, 200, { personas: await personas() }));
  }
  if (opts.catalog) {
    const catalog = opts.catalog;
    server.route('GET', '/actions', async (_req, res) => sendJson(res, 200, { actions: catalog() }));
  }

  // Timer triggers, as declared in each function's config.json (the file that is deployed).
  const schedules: { fn: HostedFunction; trigger: string; cron: Cron }[] = functions.flatMap((fn) =>
    (fn.config.triggers ?? [])
      .filter((t) => t.type === 'timer')
      .map((t) => ({ fn, trigger: t.name, cron: parseCloudbaseCron(t.config) })),
  );
  const timerEvent = (trigger: string) => ({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() });
  async function fireTimers(): Promise<InvocationResult[]> {
    return Promise.all(schedules.map((s) => invoke(s.fn.name, timerEvent(s.trigger))));
  }
  const handles: NodeJS.Timeout[] = [];
  if (opts.timers) {
    for (const s of schedules) {
      const arm = () => {
        const next = s.cron.nextRun();
        if (!next) return;
        const h = setTimeout(
          () => {
            invoke(s.fn.name, timerEvent(s.trigger)).catch((e) => console.error(`[timer ${s.trigger}]`, e));
            arm();
          },
          Math.max(0, next.getTime() - Date.now()),
        );
        h.unref();
        handles.push(h);
      };
      arm();
    }
  }

  return {
    invoke,
    setClock: (iso) => {
      pinnedNow = iso;
    },
    outbox,
    fireTimers,
    stop: () => {
      for (const h of handles) clearTimeout(h);
    },
  };
}

export function sendJson(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': data.length });
  res.end(data);
}
