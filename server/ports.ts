/**
 * Ports: the outside world as the domain sees it. Production talks to WeChat through wx-server-sdk;
 * under the local emulator (LINGYAN_EMULATOR_URL set by the emulator's function host, never in a
 * deployed function) the same calls go to the emulator's outbox, which records what production would send.
 */
import http from 'node:http';
import https from 'node:https';

export interface Clock {
  now(): Date;
}

export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheck {
  /** msgSecCheck v2. scene: 1 profile, 2 comment, 3 forum, 4 social log. */
  checkText(input: { openid: string; scene: 1 | 2 | 3 | 4; content: string }): Promise<ContentVerdict>;
}

export interface MediaCheck {
  /**
   * mediaCheckAsync v2 for an image (media_type 2). WeChat answers later, by pushing a `wxa_media_check` event
   * with the trace id (see server/scheduler.ts); the call itself returns only that trace id.
   */
  submitImage(input: { openid: string; fileID: string; scene: 1 | 2 | 3 | 4 }): Promise<{ traceId: string }>;
}

export interface MiniCode {
  /** wxacode.getUnlimited: the PNG of a mini-program code opening `page` with `scene` (≤ 32 characters). */
  unlimited(input: { scene: string; page: string }): Promise<Buffer>;
}

export interface Messenger {
  /** A subscribe message (one consent = one message). */
  sendSubscribe(input: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
  }): Promise<void>;
}

/** Cloud storage (the emulator's local storage under the same SDK calls). */
export interface Files {
  /** Stores `content` at `cloudPath`; returns its fileID. */
  upload(cloudPath: string, content: Buffer): Promise<string>;
  /** A temporary download link to a stored file, valid for `maxAgeS` seconds. */
  tempUrl(fileID: string, maxAgeS: number): Promise<string>;
  /**
   * Temporary download links to many stored files at once, in the order asked, valid for `maxAgeS` seconds; null
   * for a file that has none (it does not exist). One temporary-link call for them all; nothing at all for none.
   */
  tempUrls(fileIDs: readonly string[], maxAgeS: number): Promise<(string | null)[]>;
  /** A stored file's bytes (e.g. a workbook an officer uploaded); null when no such file exists. */
  download(fileID: string): Promise<Buffer | null>;
  /**
   * What is stored under each of `fileIDs`: its size in bytes and its first bytes (at most `headBytes`), read from
   * storage itself (a ranged download), or null when there is no such file. One temporary-link call for them all,
   * so the cost does not grow with the number of files; nothing at all for none.
   */
  inspect(fileIDs: readonly string[], headBytes: number): Promise<(StoredFile | null)[]>;
}

export interface StoredFile {
  size: number;
  head: Buffer;
}

export interface Ports {
  clock: Clock;
  contentCheck: ContentCheck;
  mediaCheck: MediaCheck;
  miniCode: MiniCode;
  messenger: Messenger;
  files: Files;
}

/** Storage goes through wx-server-sdk in production and under the emulator alike (it serves the same protocol). */
function cloudFiles(cloud: Cloud): Files {
  return {
    async upload(cloudPath, content) {
      const res = await cloud.uploadFile({ cloudPath, fileContent: content });
      return res.fileID as string;
    },
    async tempUrl(fileID, maxAgeS) {
      const res = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeS }] });
      const item = res?.fileList?.[0];
      if (!item?.tempFileURL) throw new Error(`getTempFileURL failed: ${item?.status ?? ''} ${item?.errMsg ?? ''}`);
      return item.tempFileURL as string;
    },
    async tempUrls(fileIDs, maxAgeS) {
      if (!fileIDs.length) return [];
      const unique = [...new Set(fileIDs)];
      const res = await cloud.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge: maxAgeS })) });
      const items: { fileID?: string; tempFileURL?: string }[] = res?.fileList ?? [];
      const urls = new Map(items.filter((i) => i.fileID && i.tempFileURL).map((i) => [i.fileID, i.tempFileURL]));
      return fileIDs.map((fileID) => urls.get(fileID) ?? null);
    },
    async inspect(fileIDs, headBytes) {
      if (!fileIDs.length) return [];
      const res = await cloud.getTempFileURL({ fileList: fileIDs.map((fileID) => ({ fileID, maxAge: 60 })) });
      const items: { fileID?: string; tempFileURL?: string }[] = res?.fileList ?? [];
      return Promise.all(
        fileIDs.map((fileID) => {
          const url = items.find((item) => item.fileID === fileID)?.tempFileURL;
          // No temporary link: the file does not exist (or is not this environment's).
          return url ? rangedHead(url, headBytes) : null;
        }),
      );
    },
    async download(fileID) {
      try {
        const res = await cloud.downloadFile({ fileID });
        return Buffer.from(res.fileContent);
      } catch (err) {
        if (/not ?exist|NOT_EXIST|NoSuchKey|not found/i.test(String((err as { errMsg?: string })?.errMsg ?? err))) {
          return null;
        }
        throw err;
      }
    },
  };
}

/**
 * The size and first bytes of the file at `url`: a GET asking for bytes 0..n-1. Storage that honours the range
 * answers 206 with the total size in Content-Range; one that does not answers 200 with Content-Length, and the
 * download is cut after the first chunk. Null on 404.
 */
function rangedHead(url: string, headBytes: number): Promise<StoredFile | null> {
  const get = url.startsWith('https:') ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { range: `bytes=0-${headBytes - 1}` } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 404 || status === 403) {
        res.resume();
        return resolve(null);
      }
      if (status !== 200 && status !== 206) {
        res.resume();
        return reject(new Error(`reading ${url}: HTTP ${status}`));
      }
      const total =
        status === 206
          ? Number(/\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''))?.[1])
          : Number(res.headers['content-length']);
      const chunks: Buffer[] = [];
      let got = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        res.destroy();
        if (!Number.isFinite(total)) return reject(new Error(`reading ${url}: no size`));
        resolve({ size: total, head: Buffer.concat(chunks).subarray(0, headBytes) });
      };
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        got += c.length;
        if (got >= headBytes) finish();
      });
      res.on('end', finish);
      res.on('error', (e) => (done ? undefined : reject(e)));
    });
    // Storage that does not answer in time fails the call (INTERNAL) rather than holding the function.
    req.setTimeout(8_000, () => req.destroy(new Error(`reading ${url}: timed out`)));
    req.on('error', reject);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk is untyped here
type Cloud = any;

export function createPorts(cloud: Cloud): Ports {
  if (process.env.LINGYAN_EMULATOR_URL) return emulatorPorts(cloud);
  return {
    files: cloudFiles(cloud),
    clock: { now: () => new Date() },
    contentCheck: {
      async checkText({ openid, scene, content }) {
        const res = await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content });
        return (res?.result?.suggest as ContentVerdict) ?? 'review';
      },
    },
    mediaCheck: {
      async submitImage({ openid, fileID, scene }) {
        const urls = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
        const mediaUrl = urls?.fileList?.[0]?.tempFileURL;
        if (!mediaUrl) throw new Error(`no temporary URL for ${fileID}`);
        const res = await cloud.openapi.security.mediaCheckAsync({
          openid,
          scene,
          version: 2,
          mediaType: 2,
          mediaUrl,
        });
        return { traceId: String(res?.traceId ?? res?.trace_id ?? '') };
      },
    },
    miniCode: {
      async unlimited({ scene, page }) {
        const res = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 280 });
        return Buffer.from(res.buffer);
      },
    },
    messenger: {
      async sendSubscribe(input) {
        await cloud.openapi.subscribeMessage.send({ ...input, miniprogramState: 'formal' });
      },
    },
  };
}

/** Read at call time: the emulator sets these per invocation. */
function emulatorPorts(cloud: Cloud): Ports {
  const base = () => process.env.LINGYAN_EMULATOR_URL;
  return {
    files: cloudFiles(cloud),
    // The emulator may pin "now" for an invocation (demo time travel, scheduled-close tests).
    clock: { now: () => (process.env.LINGYAN_NOW ? new Date(process.env.LINGYAN_NOW) : new Date()) },
    contentCheck: {
      async checkText(input) {
        const reply = await postJson(`${base()}/outbox/security.msgSecCheck`, { ...input, version: 2 });
        return ((reply as { result?: { suggest?: ContentVerdict } }).result?.suggest ?? 'review') as ContentVerdict;
      },
    },
    mediaCheck: {
      async submitImage(input) {
        const reply = await postJson(`${base()}/outbox/security.mediaCheckAsync`, {
          ...input,
          version: 2,
          media_type: 2,
        });
        return { traceId: String((reply as { trace_id?: string }).trace_id ?? '') };
      },
    },
    miniCode: {
      async unlimited(input) {
        const reply = await postJson(`${base()}/outbox/wxacode.getUnlimited`, input);
        return Buffer.from(String((reply as { buffer?: string }).buffer ?? ''), 'base64');
      },
    },
    messenger: {
      async sendSubscribe(input) {
        await postJson(`${base()}/outbox/subscribeMessage.send`, input);
      },
    },
  };
}

function postJson(url: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
