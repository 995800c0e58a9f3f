/**
 * Tampering with the trail and the records behind it, done the way someone with database console access would: straight
 * through the SDK, never through the api. `audit.verify` and `npm run audit:verify` must name each case; putting the
 * data back makes the trail verify clean again.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AuditVerifyView, ResolutionView } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, type Member, screenToken, sh } from '../votes/fixtures';

const run = promisify(execFile);

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk's database objects are untyped
let db: any;
let emu: TestEmulator;
let voteId: string;

type Entry = { _id: string; seq: number; hash: string; prevHash: string } & Record<string, unknown>;

const verify = async () => expectOk(await emu.as<AuditVerifyView>('admin', 'audit.verify'));

/** `npm run audit:verify` against this emulator: exit code and output. */
async function verifyScript(): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      cwd: path.join(__dirname, '../../..'),
      env: { ...process.env, LINGYAN_URL: emu.url },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** The school chain's entries, in order: where votes, counts, boxes and archives are sealed and anchored. */
async function entries(): Promise<Entry[]> {
  return (await emu.server.db.collection('audit').find({ chain: { $exists: false } }, { sort: { seq: 1 } })) as Entry[];
}

/** Every entry of every chain (the school chain and the shard chains ordinary writes go to). */
async function allEntries(): Promise<Entry[]> {
  return (await emu.server.db.collection('audit').find({}, { sort: { _id: 1 } })) as Entry[];
}

/** Every chain's head document as stored. */
async function heads(): Promise<Entry[]> {
  return (await emu.server.db.collection('meta').find({ _id: { $regex: '^audit_head' } })) as Entry[];
}

async function putEntry(e: Entry): Promise<void> {
  const { _id, ...data } = e;
  await db.collection('audit').doc(_id).set({ data });
}

async function setHead(seq: number, hash: string): Promise<void> {
  await db.collection('meta').doc('audit_head').set({ data: { seq, hash } });
}

/** A secret acceptance vote cast and closed in a fresh branch: the records that matter, anchored and sealed. */
async function closedVote(tag: string): Promise<string> {
  const unit = await addUnit(emu, `u_t_tamper_${tag}`, 'party_branch', 'u_sport');
  const voters: Member[] = await addMembers(emu, unit, 5, `TP${tag}`, 'full_member');
  const [candidate] = await addMembers(emu, unit, 1, `TC${tag}`, 'development_candidate');
  emu.host.setClock(sh('2026-11-06 13:00'));
  const id = expectOk(
    await emu.as<{ voteId: string }>('sport_officer', 'votes.create', {
      unitId: unit._id,
      kind: 'acceptance',
      title: '审计篡改检查',
      scheduledStart: sh('2026-11-06 14:00'),
      candidateIds: [candidate.id],
    }),
  ).voteId;
  emu.host.setClock(sh('2026-11-06 14:00'));
  expectOk(
    await emu.as('sport_officer', 'votes.open', {
      voteId: id,
      scrutineerIds: [voters[0].id],
      tellerIds: [voters[1].id],
    }),
  );
  const token = await screenToken(emu, 'sport_officer', id);
  for (const v of voters) expectOk(await emu.as(v.who, 'votes.checkIn', { voteId: id, token }));
  for (const [i, v] of voters.entries()) {
    const choice = i < 4 ? 'yes' : 'no';
    expectOk(await emu.as(v.who, 'votes.cast', { voteId: id, marks: [{ candidateId: candidate.id, choice }] }));
  }
  emu.host.setClock(sh('2026-11-06 14:30'));
  expectOk(await emu.as<ResolutionView>('sport_officer', 'votes.close', { voteId: id }));
  return id;
}

/** Two more ordinary changes after the vote (a binding submitted and approved). */
async function moreEntries(no: string): Promise<void> {
  const { bindingId } = expectOk(
    await emu.as<{ bindingId: string }>(`openid:o-tamper-${no}`, 'bindings.submit', {
      name: '测试生',
      studentNo: no,
      collegeId: 'u_sport',
    }),
  );
  expectOk(await emu.as('sport_officer', 'bindings.decide', { bindingId, approve: true }));
}

beforeAll(async () => {
  emu = await startTestEmulator();
  db = require('wx-server-sdk').database();
  voteId = await closedVote('a');
  await moreEntries('2025019901');
});
afterAll(() => emu.close());

describe('an untouched trail', () => {
  it('verifies clean and keeps its checkpoint in cloud storage, signed, outside the database', async () => {
    const before = (await allEntries()).length;
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBroken: null, problems: [] });
    expect(result.checked).toBe(before);
    // Verified, the shard chains' heads are anchored into the school chain, and the checkpoint holds its head.
    const all = await entries();
    expect(all.at(-1)).toMatchObject({ action: 'audit.anchor' });
    expect(result.checkpoint).toMatchObject({ seq: all.length });
    const cloud = require('wx-server-sdk');
    const file = await cloud.downloadFile({ fileID: `cloud://local.lingyan-local/lingyan-audit/checkpoint.json` });
    const cp = JSON.parse(file.fileContent.toString());
    expect(cp).toMatchObject({ seq: all.length, hash: all.at(-1)?.hash });
    expect(cp.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyScript()).toMatchObject({ code: 0 });
  });

  it('writes the entry number and head on the resolution record, and seals the count and the ballot boxes', async () => {
    const results = (await emu.server.db.collection('vote_results').findOne({ voteId })) as {
      _id: string;
      auditAnchor: { seq: number; hash: string };
    };
    const all = await entries();
    const anchored = all.find((e) => e.seq === results.auditAnchor.seq);
    expect(anchored?.hash).toBe(results.auditAnchor.hash);
    const close = all.find(
      (e) => e.action === 'votes.results' && e.target === `vote_results/${results._id}`,
    ) as Entry & {
      seals: Record<string, string>;
    };
    expect(close.seq).toBe(results.auditAnchor.seq + 2); // votes.close, then votes.results
    expect(Object.keys(close.seals)).toEqual(
      expect.arrayContaining([`vote_results/${results._id}`, `votes/${voteId}`, `ballots/bx_${voteId}_00`]),
    );
  });
});

describe('the daily scheduled check', () => {
  it('verifies the trail and moves the checkpoint to the verified head', async () => {
    await moreEntries('2025019902');
    emu.host.setClock(sh('2026-11-07 03:00'));
    const [tick] = await emu.host.fireTimers();
    // The check also anchored the shard chains' new heads into the school chain: the checkpoint is after that entry.
    const all = await entries();
    expect(all.at(-1)).toMatchObject({ action: 'audit.anchor' });
    expect(tick.result).toMatchObject({
      ok: true,
      jobs: { 'audit.dailyVerify': { ok: true, problems: [], checkpoint: { seq: all.length } } },
    });
  });
});

describe('tampering that the trail now shows', () => {
  it('finds the last entries deleted and the head rewound', async () => {
    const all = await entries();
    const cut = all.slice(-2);
    for (const e of cut) await db.collection('audit').doc(e._id).remove();
    const last = all[all.length - 3];
    await setHead(last.seq, last.hash);

    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toBe(last.seq + 1);
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'checkpoint',
        seq: last.seq + 1,
        message: expect.stringContaining('末尾的记录被删除'),
      }),
    ]);
    const script = await verifyScript();
    expect(script.code).toBe(1);
    expect(script.out).toContain(`#${last.seq + 1}`);
    expect(script.out).toContain('末尾的记录被删除');

    for (const e of cut) await putEntry(e);
    await setHead(all.at(-1)!.seq, all.at(-1)!.hash);
    expect((await verify()).ok).toBe(true);
  });

  it('finds the whole trail and its head deleted', async () => {
    const all = await allEntries();
    const kept = await heads();
    for (const e of all) await db.collection('audit').doc(e._id).remove();
    for (const h of kept) await db.collection('meta').doc(h._id).remove();

    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(0);
    expect(result.firstBroken).toBe(1);
    const kinds = result.problems.map((p) => p.kind);
    expect(kinds).toContain('checkpoint');
    // The resolution record still says where the trail stood when it was written.
    expect(result.problems).toContainEqual(
      expect.objectContaining({ kind: 'anchor', target: `vote_results/r_${voteId}` }),
    );
    const script = await verifyScript();
    expect(script.code).toBe(1);
    expect(script.out).toContain(`vote_results/r_${voteId}`);

    for (const e of all) await putEntry(e);
    for (const h of kept) {
      const { _id, ...data } = h;
      await db.collection('meta').doc(_id).set({ data });
    }
    expect((await verify()).ok).toBe(true);
  });

  it('finds an entry edited with every hash after it recomputed (without the key)', async () => {
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    const { canonicalJson } =
      require('../../../server/domain/audit/chain') as typeof import('../../../server/domain/audit/chain');
    const all = await entries();
    const victim = all.find((e) => e.action === 'votes.results')!;
    // The editor knows the algorithm (it is in the source) but not the secret: recompute with a guess.
    const forged: Entry[] = [];
    let prev = victim.prevHash;
    for (const e of all.filter((x) => x.seq >= victim.seq)) {
      const { _id, hash: _h, ...fields } = e;
      const changed = { ...fields, prevHash: prev, ...(e.seq === victim.seq ? { actorId: 'p_T0001' } : {}) };
      const hash = createHash('sha256').update(canonicalJson(changed)).digest('hex');
      forged.push({ _id, ...changed, hash } as Entry);
      prev = hash;
    }
    for (const e of forged) await putEntry(e);
    await setHead(forged.at(-1)!.seq, forged.at(-1)!.hash);

    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toBe(victim.seq);
    expect(result.problems[0]).toMatchObject({ kind: 'chain', seq: victim.seq });
    const script = await verifyScript();
    expect(script.code).toBe(1);
    expect(script.out).toContain(`#${victim.seq}`);

    for (const e of all.filter((x) => x.seq >= victim.seq)) await putEntry(e);
    await setHead(all.at(-1)!.seq, all.at(-1)!.hash);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a vote whose stored result was flipped while the trail stayed as it was', async () => {
    const resultsId = `r_${voteId}`;
    const before = (await emu.server.db.collection('vote_results').findOne({ _id: resultsId })) as Record<
      string,
      unknown
    >;
    const text = JSON.stringify(before);
    expect(text).toContain('"outcome":"passed"');
    // The candidate's line on the sheet and in the tally now says 不通过, and the card says the vote was void.
    const { _id, ...flipped } = JSON.parse(text.replaceAll('"outcome":"passed"', '"outcome":"failed"'));
    await db.collection('vote_results').doc(resultsId).set({ data: flipped });
    await db
      .collection('votes')
      .doc(voteId)
      .update({ data: { outcome: 'invalid' } });

    const result = await verify();
    expect(result.ok).toBe(false);
    const changed = result.problems.filter((p) => p.kind === 'record_changed').map((p) => p.target);
    expect(changed.sort()).toEqual([`vote_results/${resultsId}`, `votes/${voteId}`]);
    const script = await verifyScript();
    expect(script.code).toBe(1);
    expect(script.out).toContain(`vote_results/${resultsId}`);

    const { _id: _same, ...data } = before;
    await db.collection('vote_results').doc(resultsId).set({ data });
    await db
      .collection('votes')
      .doc(voteId)
      .update({ data: { outcome: 'counted' } });
    expect((await verify()).ok).toBe(true);
  });

  it('finds a ballot changed in a sealed ballot box', async () => {
    const boxes = (await emu.server.db.collection('ballots').find({ voteId })) as {
      _id: string;
      ballots: { marks: { choice: string }[] }[];
    }[];
    const box = boxes.find((b) => b.ballots.length > 0)!;
    // Flip every mark to its opposite: a box may hold only 'no' ballots, where setting 'no' would change nothing.
    const opposite = (c: string) => (c === 'yes' ? 'no' : 'yes');
    const flipped = box.ballots.map((b) => ({
      ...b,
      marks: b.marks.map((m) => ({ ...m, choice: opposite(m.choice) })),
    }));
    await db
      .collection('ballots')
      .doc(box._id)
      .update({ data: { ballots: flipped } });
    const result = await verify();
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'record_changed', target: `ballots/${box._id}` }),
    ]);
    await db
      .collection('ballots')
      .doc(box._id)
      .update({ data: { ballots: box.ballots } });
    expect((await verify()).ok).toBe(true);
  });

  it('finds a filed 公示 archive edited behind the trail, and the archive names where the trail stood', async () => {
    emu.host.setClock(sh('2026-10-12 09:00'));
    const { noticeId } = expectOk(
      await emu.as<{ noticeId: string }>('info_lb2_sec', 'notices.create', {
        unitId: 'u_info_lb2',
        kind: 'tuiyou',
        title: '信息学院2024级2班团支部推优名单公示',
        body: '经团支部大会无记名投票，推荐施洋同志作为入党积极分子人选。现予公示。',
        subjects: [{ personId: 'p_2024020205', name: '施洋' }],
        scopeUnitIds: ['u_info_lb2'],
        window: { start: '2026-10-12', length: 5, unit: 'workday' },
      }),
    );
    expectOk(await emu.as('info_lb2_sec', 'notices.publish', { noticeId }));
    const headBefore = (await entries()).at(-1)!;
    expectOk(await emu.as('info_lb2_sec', 'notices.withdraw', { noticeId, reason: '推荐人选信息有误，更正后重发。' }));
    const archive = (await emu.server.db.collection('notice_archives').findOne({ _id: noticeId })) as {
      auditAnchor: { seq: number; hash: string };
      withdrawn: { reason: string };
    };
    expect(archive.auditAnchor).toEqual({ seq: headBefore.seq, hash: headBefore.hash });
    expect((await verify()).ok).toBe(true);

    await db
      .collection('notice_archives')
      .doc(noticeId)
      .update({ data: { 'withdrawn.reason': '无' } });
    const result = await verify();
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'record_changed', target: `notice_archives/${noticeId}` }),
    ]);
    await db
      .collection('notice_archives')
      .doc(noticeId)
      .update({ data: { 'withdrawn.reason': archive.withdrawn.reason } });
    expect((await verify()).ok).toBe(true);
  });

  // Last: this one cannot be put back (new entries were written on the cut trail).
  it('keeps the checkpoint as evidence when a cut trail grows again and a vote closes on it', async () => {
    const all = await entries();
    const cut = all.slice(-3);
    for (const e of cut) await db.collection('audit').doc(e._id).remove();
    const last = all[all.length - 4];
    await setHead(last.seq, last.hash);
    await moreEntries('2025019903');
    await closedVote('b');
    const cloud = require('wx-server-sdk');
    const file = await cloud.downloadFile({ fileID: `cloud://local.lingyan-local/lingyan-audit/checkpoint.json` });
    expect(JSON.parse(file.fileContent.toString())).toMatchObject({ seq: all.length, hash: all.at(-1)?.hash });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'checkpoint', seq: all.length }));
  });
});
