/**
 * Cloud storage: `cloud.uploadFile / getTempFileURL / downloadFile / deleteFile` of the unmodified wx-server-sdk,
 * with the files kept on disk under `<dataDir>/storage/<cloudPath>` (so they survive a restart).
 *
 * What the SDK sends, read in wx-server-sdk 4.0.2 → @cloudbase/node-sdk 3.17.2 dist/storage/index.js:
 *
 *   uploadFile({cloudPath, fileContent})
 *     1. POST /admin {action: 'storage.getUploadMetadata', path: cloudPath, method: 'put'}
 *        → we reply data {url, token, authorization, fileId, cosFileId} (the SDK reads nothing else, and does not
 *          check `code` before destructuring `data`, so this action never fails).
 *     2. PUT <url> (ours: /storage-upload/<token>) with the raw bytes as the body (chunked; NOT multipart) and
 *        the headers `Signature`, `authorization` (both = our `authorization`), `x-cos-security-token` (= `token`),
 *        `x-cos-meta-fileid` (= `cosFileId`) and `key` (= encodeURIComponent(cloudPath)).
 *        COS answers success with an empty body, failure with an XML `<Error>` holding Code, Message, RequestId and
 *        TraceId (all four are destructured); the SDK turns that into STORAGE_REQUEST_FAIL "[Code]: Message", which
 *        reaches the caller as a TcbError {code: 'STORAGE_REQUEST_FAIL', errMsg: 'uploadFile:fail [Code]: Message'}.
 *        The path is therefore checked here, at the PUT (a failing getUploadMetadata would only give the caller a
 *        TypeError from the destructuring).
 *     → {fileID: data.fileId}. Our fileIDs are `cloud://<env>.<bucket>/<cloudPath>`.
 *   getTempFileURL({fileList})
 *     POST /admin {action: 'storage.batchGetDownloadUrl', file_list: [{fileid, max_age?, url_type?}]}
 *     → data.download_list: [{fileID, tempFileURL, maxAge, code: 'SUCCESS' | <error code>, message?}]
 *   downloadFile({fileID})
 *     batchGetDownloadUrl for the one file (maxAge 600); an item code other than SUCCESS is thrown as a TcbError
 *     {code: item.code, errMsg: 'downloadFile:fail ' + item.message}; otherwise GET encodeURI(tempFileURL),
 *     expecting status 200 and the bytes. So the temp URL carries the cloudPath unencoded:
 *     http://<emulator>/storage/<cloudPath>.
 *   deleteFile({fileList})
 *     POST /admin {action: 'storage.batchDeleteFile', fileid_list: [fileID]}
 *     → data.delete_list: [{fileID, code: 'SUCCESS' | <error code>, message?}]
 *
 * Temp URLs are plain GET/HEAD of /storage/<cloudPath> and do not expire. An upload URL is
 * /storage-upload/<one-time token> issued by getUploadMetadata (valid 10 minutes; the token, not the URL, names the
 * file, since URL parsing resolves "../"), and the PUT must repeat it in x-cos-security-token, so nothing else can write into the folder.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { DbError, ErrorCode } from './db/errors';
import type { EmulatorServer } from './http';

/** The bucket part of our fileIDs (a real one looks like `6c69-<env>-1300000000`). */
export const STORAGE_BUCKET = 'lingyan-local';
const UPLOAD_TOKEN_TTL_MS = 10 * 60_000;
const MAX_CLOUD_PATH = 850;

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Why `cloudPath` cannot be stored, or null. Relative, '/'-separated segments; no '', '.', '..', backslash, control
 * characters, or '?'/'#' (the SDK's downloadFile only encodeURI()s the temp URL, which would cut the path there).
 */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'cloudPath must be a non-empty string';
  if (cloudPath.length > MAX_CLOUD_PATH) return `cloudPath is longer than ${MAX_CLOUD_PATH} characters`;
  if (cloudPath.startsWith('/')) return `cloudPath "${cloudPath}" must not start with "/"`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\?#]/.test(cloudPath))
    return `cloudPath "${cloudPath}" contains a control character, "\\", "?" or "#"`;
  for (const seg of cloudPath.split('/')) {
    if (seg === '') return `cloudPath "${cloudPath}" has an empty segment`;
    if (seg === '.' || seg === '..') return `cloudPath "${cloudPath}" must not contain "." or ".." segments`;
  }
  return null;
}

/** `cloud://<env>.<bucket>/<cloudPath>` → cloudPath (any env and bucket are accepted), or null. */
export function cloudPathOf(fileID: unknown): string | null {
  if (typeof fileID !== 'string') return null;
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  return m ? m[1] : null;
}

export interface Storage {
  /** Absolute folder holding the files. */
  root: string;
  /** Absolute file for a cloudPath; throws on a path that would leave `root`. */
  fileFor(cloudPath: string): string;
}

export function mountStorage(server: EmulatorServer, dataDir: string): Storage {
  const root = path.resolve(dataDir, 'storage');
  const tmpDir = path.resolve(dataDir, 'storage.tmp');
  fs.mkdirSync(root, { recursive: true });
  const uploads = new Map<string, { cloudPath: string; fileId: string; expires: number }>();

  function fileFor(cloudPath: string): string {
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new Error(problem);
    const file = path.resolve(root, ...cloudPath.split('/'));
    // Belt and braces: the checks above already exclude every way out.
    if (!file.startsWith(root + path.sep)) throw new Error(`cloudPath "${cloudPath}" leaves the storage folder`);
    return file;
  }

  /** The stored file for a fileID, or an item error {code, message}. */
  function locate(fileID: unknown): { file: string; cloudPath: string } | { code: string; message: string } {
    const cloudPath = cloudPathOf(fileID);
    if (cloudPath === null)
      return {
        code: 'INVALID_PARAM',
        message: `not a fileID: ${JSON.stringify(fileID)} (expected cloud://env.bucket/path)`,
      };
    const problem = cloudPathProblem(cloudPath);
    if (problem) return { code: 'INVALID_PARAM', message: problem };
    const file = fileFor(cloudPath);
    if (!isFile(file))
      return { code: 'STORAGE_FILE_NONEXIST', message: `storage file not exists: ${fileID} (no file at ${cloudPath})` };
    return { file, cloudPath };
  }

  function tempUrl(cloudPath: string): string {
    return `${server.url}/storage/${cloudPath}`;
  }

  server.action('storage.getUploadMetadata', (params) => {
    const cloudPath = typeof params.path === 'string' ? params.path : '';
    const env = typeof params.envName === 'string' && params.envName ? params.envName : 'local';
    const now = Date.now();
    for (const [token, u] of uploads) if (u.expires < now) uploads.delete(token);
    const token = randomBytes(16).toString('hex');
    const fileId = `cloud://${env}.${STORAGE_BUCKET}/${cloudPath}`;
    uploads.set(token, { cloudPath, fileId, expires: now + UPLOAD_TOKEN_TTL_MS });
    // The token, not the URL path, names the file: URL parsing would already resolve a "../" in a path.
    const url = `${server.url}/storage-upload/${token}`;
    return {
      data: { url, token, authorization: `lingyan-local ${token}`, fileId, cosFileId: `cos-${token}` },
    };
  });

  server.action('storage.batchGetDownloadUrl', (params) => {
    const list = params.file_list;
    if (!Array.isArray(list)) throw new DbError(ErrorCode.InvalidParam, 'file_list must be an array');
    const download_list = list.map((item: { fileid?: unknown; max_age?: unknown }) => {
      const fileID = item?.fileid;
      const maxAge = typeof item?.max_age === 'number' ? item.max_age : 86_400;
      const found = locate(fileID);
      if ('code' in found) return { fileID, tempFileURL: '', maxAge, ...found };
      return { fileID, tempFileURL: tempUrl(found.cloudPath), maxAge, code: 'SUCCESS' };
    });
    return { data: { download_list } };
  });

  server.action('storage.batchDeleteFile', (params) => {
    const list = params.fileid_list;
    if (!Array.isArray(list)) throw new DbError(ErrorCode.InvalidParam, 'fileid_list must be an array');
    const delete_list = list.map((fileID: unknown) => {
      const found = locate(fileID);
      if ('code' in found) return { fileID, ...found };
      fs.rmSync(found.file);
      pruneEmptyDirs(path.dirname(found.file), root);
      return { fileID, code: 'SUCCESS' };
    });
    return { data: { delete_list } };
  });

  server.route('*', '/storage/', (req, res) => {
    const method = req.method ?? 'GET';
    const pathname = (req.url ?? '/').split('?')[0].slice('/storage/'.length);
    let cloudPath: string;
    try {
      cloudPath = pathname.split('/').map(decodeURIComponent).join('/');
    } catch {
      return sendCosError(res, 400, 'InvalidURI', `malformed URL path /storage/${pathname}`);
    }
    const problem = cloudPathProblem(cloudPath);
    if (problem) return sendCosError(res, 400, 'InvalidArgument', problem);
    if (method !== 'GET' && method !== 'HEAD')
      return sendCosError(res, 405, 'MethodNotAllowed', `${method} is not supported on /storage/`);
    const file = fileFor(cloudPath);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return sendCosError(res, 404, 'NoSuchKey', `The specified key does not exist: ${cloudPath}`);
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': data.length });
    res.end(method === 'HEAD' ? undefined : data);
  });

  server.route('PUT', '/storage-upload/', (req, res, body) => {
    const token = (req.url ?? '/').split('?')[0].slice('/storage-upload/'.length);
    const upload = uploads.get(token);
    if (!upload || upload.expires < Date.now() || req.headers['x-cos-security-token'] !== token)
      return sendCosError(
        res,
        403,
        'AccessDenied',
        'no valid upload token (call storage.getUploadMetadata first; tokens are single-use and last 10 minutes)',
      );
    uploads.delete(token);
    const { cloudPath } = upload;
    const problem = cloudPathProblem(cloudPath);
    if (problem) return sendCosError(res, 400, 'InvalidArgument', problem);
    const file = fileFor(cloudPath);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.mkdirSync(tmpDir, { recursive: true });
      // Write then rename: a reader never sees half a file, and a crash leaves the old one.
      const tmp = path.join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
      fs.writeFileSync(tmp, body);
      fs.renameSync(tmp, file);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // e.g. "a/b" when "a" is a file, or "a" when "a/" holds files: COS keys allow both, a folder does not.
      return sendCosError(res, 409, 'PathConflict', `cannot store ${cloudPath}: ${err.code ?? err.message}`);
    }
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  });

  return { root, fileFor };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Removes the now-empty folders between a deleted file and the storage root. */
function pruneEmptyDirs(dir: string, root: string): void {
  while (dir.startsWith(root + path.sep)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A COS-style error body: the SDK reads Code, Message, RequestId and TraceId from it. */
function sendCosError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = randomBytes(12).toString('base64');
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${xmlEscape(message)}</Message>\n` +
    `<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`;
  const data = Buffer.from(xml);
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': data.length });
  res.end(data);
}
