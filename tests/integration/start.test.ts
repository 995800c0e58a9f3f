/**
 * A start that fails part-way (the demo world refused by the rules) closes what it started, so the port is free
 * again and nothing keeps the process alive.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../emulator';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-start-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('starting the emulator', () => {
  it('closes the server it started when the demo world cannot be seeded, and passes the refusal on', async () => {
    const port = await freePort();
    // Before the demo term began nobody holds an office yet, so the first step of the world is refused.
    const start = startEmulator({
      port,
      dataDir,
      functions: 'source',
      seed: 'full',
      seedNow: '2026-08-01T02:00:00.000Z',
      timers: true,
    });
    await expect(start).rejects.toThrow(/^demo world: .+ failed/);
    expect(await canListen(port)).toBe(true);
  });
});
