/**
 * A start that fails part-way (the demo world refused by the rules) closes what it started, so the port is free
 * again and nothing keeps the process alive; the half-seeded folder it leaves is seeded again by the next start.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SEED_MARKER, startEmulator } from '../../emulator';

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

  it('seeds again a folder whose seeding stopped half-way, and keeps one that completed', async () => {
    const refused = startEmulator({ dataDir, functions: 'source', seed: 'full', seedNow: '2026-08-01T02:00:00.000Z' });
    await expect(refused).rejects.toThrow(/^demo world: .+ failed/);
    // The roster was written before the world's first step was refused.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, SEED_MARKER), 'utf8'))).toEqual({
      seed: 'full',
      complete: false,
    });

    const now = '2026-11-23T10:30:00+08:00';
    const emu = await startEmulator({ dataDir, functions: 'source', seed: 'full', seedNow: now });
    let notices = 0;
    try {
      notices = await emu.server.db.collection('notices').count();
      expect(emu.world?.now).toBe(new Date(now).toISOString());
      expect(Object.keys(emu.world?.votes ?? {}).length).toBeGreaterThan(0);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, SEED_MARKER), 'utf8'))).toEqual({
        seed: 'full',
        complete: true,
      });
      const r = (await emu.call('notices.list', { scope: 'visible', page: 1, pageSize: 50 }, 'demo_sport_prob2'))
        .body as { ok: boolean; data: { items: unknown[] } };
      expect(r.data.items.length).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }

    // A completed folder is kept as it is: the same world, not seeded twice.
    const again = await startEmulator({ dataDir, functions: 'source', seed: 'full', seedNow: now });
    try {
      expect(again.world).toEqual(emu.world);
      expect(await again.server.db.collection('notices').count()).toBe(notices);
    } finally {
      await again.close();
    }
  }, 180_000); // seeds the full world twice (a refused start, then a whole one): slow on a loaded machine
});
