/**
 * Secrecy on disk (F1, F4): while a secret vote is open, each cast is one line of the emulator's log holding the
 * voter's participation record and the ballot box with the new ballot. Once the vote closes, nothing in the data
 * folder links a participation record to a ballot — not the log, not any other file — and it stays so after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Emulator, startEmulator } from '../../../emulator';
import type { ResolutionView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, type Member, screenToken, sh } from './fixtures';

let emu: TestEmulator;
let voters: Member[];
let voteId: string;
const codes: string[] = [];

/** Every line of every file in the data folder. */
function linesOnDisk(dir: string): { file: string; line: string }[] {
  const out: { file: string; line: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) out.push({ file, line });
  }
  return out;
}

/** Lines where a voter's participation record sits together with a ballot of this vote. */
function links(dir: string): { file: string; line: string }[] {
  return linesOnDisk(dir).filter(
    ({ line }) => voters.some((v) => line.includes(`vp_${voteId}_${v.id}`)) && codes.some((c) => line.includes(c)),
  );
}

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-06 13:00'));
  const unit = await addUnit(emu, 'u_t_disk', 'party_branch', 'u_sport');
  voters = await addMembers(emu, unit, 6, 'DK', 'full_member');
  const [candidate] = await addMembers(emu, unit, 1, 'DKC', 'development_candidate');
  voteId = expectOk(
    await emu.as<{ voteId: string }>('sport_officer', 'votes.create', {
      unitId: unit._id,
      kind: 'acceptance',
      title: '磁盘上的无记名',
      scheduledStart: sh('2026-11-06 14:00'),
      candidateIds: [candidate.id],
    }),
  ).voteId;
  emu.host.setClock(sh('2026-11-06 14:00'));
  expectOk(
    await emu.as('sport_officer', 'votes.open', {
      voteId,
      scrutineerIds: [voters[0].id],
      tellerIds: [voters[1].id],
    }),
  );
  const token = await screenToken(emu, 'sport_officer', voteId);
  for (const v of voters) expectOk(await emu.as(v.who, 'votes.checkIn', { voteId, token }));
  for (const [i, v] of voters.entries()) {
    const choice = i % 3 === 0 ? 'no' : 'yes';
    const { code } = expectOk(
      await emu.as<{ code: string }>(v.who, 'votes.cast', { voteId, marks: [{ candidateId: candidate.id, choice }] }),
    );
    codes.push(code);
  }
});
let restarted: Emulator | null = null;
afterAll(async () => {
  if (restarted) {
    await restarted.close();
    fs.rmSync(emu.dataDir, { recursive: true, force: true });
  } else await emu.close();
});

describe('the data folder of a secret vote', () => {
  it('links voters to ballots while the vote is open (the history the close must remove)', () => {
    expect(links(emu.dataDir).length).toBeGreaterThanOrEqual(voters.length);
  });

  it('holds no line linking a participation record to a ballot once the vote closes, and keeps the count', async () => {
    emu.host.setClock(sh('2026-11-06 14:30'));
    const r = expectOk(await emu.as<ResolutionView>('sport_officer', 'votes.close', { voteId }));
    expect(r.ballotCodes).toEqual([...codes].sort());
    expect(links(emu.dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(emu.dataDir, 'db.log.tmp'))).toBe(false);
    // The records themselves are all still there.
    expect(await emu.server.db.collection('vote_participation').count({ voteId })).toBe(voters.length);
    const boxes = (await emu.server.db.collection('ballots').find({ voteId })) as { ballots: { code: string }[] }[];
    expect(boxes.flatMap((b) => b.ballots.map((x) => x.code)).sort()).toEqual([...codes].sort());
    expect(expectOk(await emu.as<{ ok: boolean }>('admin', 'audit.verify')).ok).toBe(true);
  });

  it('stays so after a restart on the same folder, with every record and the trail intact', async () => {
    emu.host.stop();
    await emu.server.close();
    restarted = await startEmulator({ dataDir: emu.dataDir, seed: 'base', functions: 'source' });
    expect(links(emu.dataDir)).toEqual([]);
    const r = (await restarted.call('votes.get', { voteId }, 'demo_sport_officer')).body as { ok: boolean };
    expect(r.ok).toBe(true);
    expect(await restarted.server.db.collection('vote_participation').count({ voteId })).toBe(voters.length);
    const verified = (await restarted.call('audit.verify', {}, 'demo_admin')).body as {
      ok: boolean;
      data: { ok: boolean };
    };
    expect(verified.data.ok).toBe(true);
  });
});
