/** Cloud storage through the real wx-server-sdk: files land on disk under <dataDir>/storage and survive a restart. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type Emulator, startEmulator } from '../../emulator';

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk ships no typings for the storage API we drive
type Cloud = any;
type SdkError = { code?: string; errCode?: number; errMsg?: string; message?: string };

let dataDir: string;
let emu: Emulator;
let cloud: Cloud;

async function start(): Promise<void> {
  emu = await startEmulator({ dataDir, seed: false, functions: 'source' });
}

async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the promise to reject');
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-storage-'));
  await start();
  process.env.SILENCE = 'true';
  // Loaded after startEmulator has pointed the environment at it, like a function module in a container.
  cloud = require('wx-server-sdk');
  cloud.init({ env: 'local' });
});

afterAll(async () => {
  await emu.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: emu.server.port, path: rawPath }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      })
      .on('error', reject);
  });
}

const bytes = Buffer.concat([Buffer.from('领雁 名单\n'), Buffer.from([0, 1, 2, 254, 255])]);

describe('cloud storage', () => {
  let fileID: string;

  test('uploadFile stores the bytes at <dataDir>/storage/<cloudPath> and returns a cloud:// fileID', async () => {
    const res = await cloud.uploadFile({ cloudPath: 'exports/2026/名单.csv', fileContent: bytes });
    fileID = res.fileID;
    expect(fileID).toBe('cloud://local.lingyan-local/exports/2026/名单.csv');
    expect(fs.readFileSync(path.join(dataDir, 'storage/exports/2026/名单.csv'))).toEqual(bytes);
  });

  test('the file survives a restart; its temp URL serves the same bytes; downloadFile returns them', async () => {
    await emu.close();
    await start();
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
    expect(fileList).toEqual([
      expect.objectContaining({
        fileID,
        status: 0,
        errMsg: 'ok',
        tempFileURL: `${emu.url}/storage/exports/2026/名单.csv`,
      }),
    ]);
    const res = await fetch(encodeURI(fileList[0].tempFileURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

    const dl = await cloud.downloadFile({ fileID });
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.fileContent, bytes)).toBe(0);
  });

  test('uploading to the same path replaces the file', async () => {
    await cloud.uploadFile({ cloudPath: 'exports/2026/名单.csv', fileContent: Buffer.from('v2') });
    expect((await cloud.downloadFile({ fileID })).fileContent.toString()).toBe('v2');
  });

  test('deleteFile removes it; a later download fails with a clear error', async () => {
    const del = await cloud.deleteFile({ fileList: [fileID] });
    expect(del.fileList).toEqual([{ fileID, status: 0, errMsg: 'ok' }]);
    expect(fs.existsSync(path.join(dataDir, 'storage/exports'))).toBe(false);

    const err = await rejection(cloud.downloadFile({ fileID }));
    expect(err.code).toBe('STORAGE_FILE_NONEXIST');
    expect(err.errMsg).toBe(`downloadFile:fail storage file not exists: ${fileID} (no file at exports/2026/名单.csv)`);

    const again = await cloud.deleteFile({ fileList: [fileID] });
    expect(again.fileList).toEqual([{ fileID, status: -503003, errMsg: 'storage file not exists' }]);
    const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0]).toMatchObject({ status: -503003, tempFileURL: '' });
    expect((await fetch(`${emu.url}/storage/exports/2026/x.csv`)).status).toBe(404);
  });

  test('paths leaving the storage folder are refused, on upload and on read', async () => {
    const outside = path.join(dataDir, 'escaped.txt');
    for (const cloudPath of ['../escaped.txt', 'a/../../escaped.txt', '/abs.txt', 'a//b.txt', 'a\\..\\b.txt']) {
      const err = await rejection(cloud.uploadFile({ cloudPath, fileContent: Buffer.from('x') }));
      expect(err.code).toBe('STORAGE_REQUEST_FAIL');
      expect(err.errMsg).toMatch(/^uploadFile:fail \[InvalidArgument\]: cloudPath /);
    }
    expect(fs.existsSync(outside)).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'storage'))).toEqual([]);

    fs.writeFileSync(outside, 'secret');
    const err = await rejection(cloud.downloadFile({ fileID: 'cloud://local.lingyan-local/../escaped.txt' }));
    expect(err.code).toBe('INVALID_PARAM');
    expect(err.errMsg).toMatch(/must not contain "\." or "\.\." segments/);
    // fetch() would resolve the dot segments itself; send the raw path.
    for (const raw of [
      '/storage/%2E%2E/escaped.txt',
      '/storage/../escaped.txt',
      '/storage/a%2F..%2F..%2Fescaped.txt',
    ]) {
      const res = await rawGet(raw);
      expect(res.status).toBe(400);
      expect(res.body).toContain('<Code>InvalidArgument</Code>');
    }
  });

  test('an upload URL only works once, with the token it was issued with', async () => {
    const meta = await fetch(`${emu.url}/admin`, {
      method: 'POST',
      body: JSON.stringify({ action: 'storage.getUploadMetadata', path: 'once.txt', method: 'put' }),
    }).then((r) => r.json());
    const put = (token: string) =>
      fetch(meta.data.url, { method: 'PUT', headers: { 'x-cos-security-token': token }, body: 'hi' });
    expect((await put('wrong')).status).toBe(403);
    expect((await put(meta.data.token)).status).toBe(200);
    expect((await put(meta.data.token)).status).toBe(403);
    expect(fs.readFileSync(path.join(dataDir, 'storage/once.txt'), 'utf8')).toBe('hi');
  });
});
