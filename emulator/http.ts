/**
 * The emulator's HTTP server: the CloudBase database endpoint that the unmodified wx-server-sdk talks to, plus
 * whatever routes the rest of the emulator mounts (functions, outbox, personas, ...).
 *
 * Pointing the real SDK (wx-server-sdk 4.0.2 → @cloudbase/node-sdk 3.17.2) at it, verified in the SDK source
 * (node-sdk dist/utils/{tcbcontext,tcbapiendpoint,tcbapirequester,tracing}.js) and by tests/integration/db:
 *
 *   process.env.TCB_CONTEXT_CNFG = '{"URL":"http://127.0.0.1:PORT/admin"}'   // getServerInjectUrl() → request URL
 *   process.env.TENCENTCLOUD_SECRETID = 'local'; process.env.TENCENTCLOUD_SECRETKEY = 'local'
 *       // any non-empty pair: the SDK refuses to send without credentials and only signs with them
 *   process.env.TCB_CONTEXT_KEYS = 'TCB_SEQID'
 *       // the SDK reads TCB_SEQID only through getCloudbaseContext(), which copies just the keys listed in
 *       // TCB_CONTEXT_KEYS / WX_CONTEXT_KEYS; without this every request's seqId is a bare eventId
 *   process.env.TENCENTCLOUD = 'true'
 *       // outside SCF, node-sdk probes http://metadata.tencentyun.com (30 ms timeout) to learn whether it runs in
 *       // Tencent Cloud, and since the failure is never cached it probes TWICE PER REQUEST (checkIsInternalAsync
 *       // and getCurrRunEnvTag in tcbapirequester.request): 30-70 ms added to every call. TENCENTCLOUD=true short-
 *       // circuits checkIsInTencentCloud(); it only flips the default endpoint to http, which TCB_CONTEXT_CNFG
 *       // overrides anyway. Production functions skip the probe too (TENCENTCLOUD_RUNENV=SCF).
 *   process.env.TCB_SEQID = '<invocation id>'   // per invocation (the function host sets it)
 *   cloud.init({ env: 'local' })   // or cloud.DYNAMIC_CURRENT_ENV; the env name is ignored here
 *
 * `sdkEnv(url)` returns all but TCB_SEQID. (`cloud.init({ env, serviceUrl: url + '/admin', secretId, secretKey })`
 * works too, for code that builds its own instance; TENCENTCLOUD=true is still worth setting.)
 *
 * Every SDK call is then `POST /admin?env=<env>&seqId=<TCB_SEQID>-<eventId>` with a JSON body
 * `{action, ...params, envName, wxCloudApiToken, ...}` and an `Authorization` header we do not check.
 * eventId is `<hex ms>_<hex counter>` and never contains '-', so the invocation id is everything before the last
 * '-'; a seqId without '-' (no TCB_SEQID: a call made outside any invocation) is counted under ''.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DbError, ErrorCode } from './db/errors';
import { type DatabaseOptions, EmulatorDatabase } from './db/index';
import type { Params, Reply, RequestContext } from './db/protocol';

export type { DirectCollection, Doc } from './db/index';
export { EmulatorDatabase } from './db/index';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

/**
 * A handler for a non-database SDK action arriving at /admin (e.g. `wx.openApi`, `functions.invokeFunction`).
 * Return the reply body (requestId is added); throw DbError to reply `{code, message}`.
 */
export type ActionHandler = (
  params: Params,
  ctx: { invocationId: string; req: IncomingMessage },
) => Promise<Reply> | Reply;

export interface EmulatorServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Direct access for seeding/tests: collection(name).insertMany(docs), find(query), findOne, count(), clear(). */
  db: EmulatorDatabase;
  /** Mount a handler for requests whose path starts with `pathPrefix` (method '*' = any). Longest prefix wins. */
  route(method: string, pathPrefix: string, handler: RouteHandler): void;
  /**
   * The reply (status 413) to a body over MAX_BODY_BYTES sent to a path starting with `pathPrefix`, instead of the
   * bare `{error}`: a function answers in its own envelope. Longest prefix wins.
   */
  tooLarge(pathPrefix: string, reply: unknown): void;
  /** Answer an SDK action at /admin (exact name, or a prefix ending in '.*' such as 'wx.*'). */
  action(name: string, handler: ActionHandler): void;
  /**
   * Database round trips: SDK requests made under this invocation id (TCB_SEQID) since start or the last reset,
   * storage calls (`storage.*`) aside.
   */
  roundTrips(invocationId: string): number;
  /** Storage calls (`storage.*`: temporary links, uploads, deletions) made under this invocation id. */
  storageCalls(invocationId: string): number;
  /** Forget the counts of one invocation, or of all. */
  resetRoundTrips(invocationId?: string): void;
  close(): Promise<void>;
}

export interface ServerOptions extends Omit<DatabaseOptions, 'dataDir'> {
  /** 0 = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  dataDir: string;
}

/** The environment that makes wx-server-sdk in this process talk to the emulator at `url`. */
export function sdkEnv(url: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url.replace(/\/$/, '')}/admin` }),
    TENCENTCLOUD_SECRETID: 'lingyan-local',
    TENCENTCLOUD_SECRETKEY: 'lingyan-local',
    TCB_CONTEXT_KEYS: 'TCB_SEQID',
    TENCENTCLOUD: 'true',
  };
}

/** Invocation id of a request: the seqId query parameter without its trailing `-<eventId>`. */
export function invocationOf(seqId: string | null): string {
  if (!seqId) return '';
  const dash = seqId.lastIndexOf('-');
  return dash === -1 ? '' : seqId.slice(0, dash);
}

interface Route {
  method: string;
  prefix: string;
  handler: RouteHandler;
}

let requestCounter = 0;
function requestId(): string {
  requestCounter = (requestCounter + 1) % 1e9;
  return `emu_${Date.now()}_${requestCounter}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': data.length });
  res.end(data);
}

/** Largest request body the emulator buffers (uploads included); the rest of a larger one is drained, then 413. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit nothing more is kept; the client still gets its 413 (a reset socket would hide it).
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function startServer(opts: ServerOptions): Promise<EmulatorServer> {
  const db = await EmulatorDatabase.open(opts);
  const routes: Route[] = [];
  const tooLargeReplies: { prefix: string; reply: unknown }[] = [];
  const actions = new Map<string, ActionHandler>();
  const trips = new Map<string, number>();
  const storageTrips = new Map<string, number>();

  function findAction(name: string): ActionHandler | undefined {
    const exact = actions.get(name);
    if (exact) return exact;
    let best: { len: number; h: ActionHandler } | undefined;
    for (const [key, h] of actions) {
      if (key.endsWith('.*') && name.startsWith(key.slice(0, -1)) && (!best || key.length > best.len))
        best = { len: key.length, h };
    }
    return best?.h;
  }

  /** The SDK endpoint: every database action, plus actions mounted with `action()`. */
  async function admin(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const invocationId = invocationOf(url.searchParams.get('seqId'));
    const count = (m: Map<string, number>) => m.set(invocationId, (m.get(invocationId) ?? 0) + 1);
    const rid = requestId();
    let params: Params;
    try {
      params = JSON.parse(body.toString('utf8')) as Params;
      if (!params || typeof params !== 'object') throw new Error('not an object');
    } catch {
      count(trips);
      return sendJson(res, 200, {
        requestId: rid,
        code: ErrorCode.UnsupportedAction,
        message: `the emulator only understands JSON requests at /admin (content-type ${req.headers['content-type'] ?? 'none'})`,
      });
    }
    const action = typeof params.action === 'string' ? params.action : '';
    // A storage call is no database round trip: counted on its own.
    count(action.startsWith('storage.') ? storageTrips : trips);
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const ctx: RequestContext = { now: Date.now(), cancelled: () => closed || res.destroyed };
    try {
      const custom = findAction(action);
      let reply: Reply;
      if (custom) reply = await custom(params, { invocationId, req });
      else if (db.protocol.handles(action)) reply = await db.protocol.handle(action, params, ctx);
      else throw new DbError(ErrorCode.UnsupportedAction, `the emulator does not support action ${action || '(none)'}`);
      if (!res.destroyed) sendJson(res, 200, { requestId: rid, ...reply });
    } catch (e) {
      if (res.destroyed) return;
      if (e instanceof DbError) return sendJson(res, 200, { requestId: rid, code: e.code, message: e.message });
      // An emulator bug must be loud, but still look like a CloudBase failure to the SDK.
      console.error(`[emulator] ${action} failed:`, e);
      sendJson(res, 200, {
        requestId: rid,
        code: ErrorCode.RequestFailed,
        message: `emulator error: ${(e as Error).message}`,
      });
    }
  }

  function debugRoundTrips(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const invocation = url.searchParams.get('invocation');
    if (req.method === 'DELETE') {
      if (invocation === null) {
        trips.clear();
        storageTrips.clear();
      } else {
        trips.delete(invocation);
        storageTrips.delete(invocation);
      }
      sendJson(res, 200, { ok: true });
    } else if (invocation === null) {
      sendJson(res, 200, { roundTrips: Object.fromEntries(trips) });
    } else {
      sendJson(res, 200, { invocation, roundTrips: trips.get(invocation) ?? 0 });
    }
  }

  routes.push({ method: 'POST', prefix: '/admin', handler: admin });
  routes.push({ method: '*', prefix: '/debug/roundtrips', handler: debugRoundTrips });

  function match(method: string, path: string): Route | undefined {
    let best: Route | undefined;
    for (const r of routes) {
      if ((r.method === '*' || r.method === method) && path.startsWith(r.prefix)) {
        if (!best || r.prefix.length > best.prefix.length) best = r;
      }
    }
    return best;
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      const route = match(req.method ?? 'GET', path);
      const body = await readBody(req);
      if (!route) return sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
      await route.handler(req, res, body);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        const path = (req.url ?? '/').split('?')[0];
        const own = tooLargeReplies
          .filter((t) => path.startsWith(t.prefix))
          .sort((a, b) => b.prefix.length - a.prefix.length)[0];
        return sendJson(res, 413, own ? own.reply : { error: `request body over ${MAX_BODY_BYTES} bytes` });
      }
      console.error('[emulator] request failed:', e);
      if (!res.headersSent) sendJson(res, 500, { error: (e as Error).message });
      else res.end();
    }
  });
  // The SDK keeps connections alive (agentkeepalive, 4 s idle); outlive that so it never writes into a closing socket.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    route(method, pathPrefix, handler) {
      routes.push({ method: method.toUpperCase(), prefix: pathPrefix, handler });
    },
    tooLarge(pathPrefix, reply) {
      tooLargeReplies.push({ prefix: pathPrefix, reply });
    },
    action(name, handler) {
      actions.set(name, handler);
    },
    roundTrips: (invocationId) => trips.get(invocationId) ?? 0,
    storageCalls: (invocationId) => storageTrips.get(invocationId) ?? 0,
    resetRoundTrips(invocationId) {
      if (invocationId === undefined) {
        trips.clear();
        storageTrips.clear();
      } else {
        trips.delete(invocationId);
        storageTrips.delete(invocationId);
      }
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
