/** Shared pieces of the honors and showcase integration tests. */
import fs from 'node:fs';
import path from 'node:path';
import type { TestEmulator } from '../support';

export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
export const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

/**
 * Stores `content` in the emulator's cloud storage at `cloudPath`, as the mini-program's wx.cloud.uploadFile does,
 * and returns its fileID. By default a small JPEG or PNG (by the name's extension) of `size` bytes.
 */
export function upload(emu: TestEmulator, cloudPath: string, content?: Buffer, size = 2_000): string {
  const head = cloudPath.endsWith('.png') ? PNG_HEAD : JPEG_HEAD;
  const bytes = content ?? Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 1)]);
  const file = path.join(emu.dataDir, 'storage', ...cloudPath.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return `cloud://lingyan-test.lingyan-local/${cloudPath}`;
}

/** Document counts of everything an honors or showcase action can write, to show that a refusal wrote nothing. */
export async function footprint(emu: TestEmulator): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of ['honors', 'honor_keys', 'showcase_posts', 'showcase_likes', 'media_checks', 'audit']) {
    out[c] = await emu.server.db.collection(c).count();
  }
  return out;
}

/** 蒋文博 (sport_league1), a League member of 体育学院2023级1班团支部 and of 篮球协会. */
export const JIANG = 'p_2023010108';
/** 沈可欣 (sport_league2). */
export const SHEN = 'p_2023010109';

/**
 * The evidence an honor links to, as the votes and notices modules store it: a closed 评优 vote of 体育学院2023级1班
 * 团支部 electing `elected`, and an honor 公示 of `noticeUnit` naming the people, closed, with objections as given.
 */
export async function seedEvidence(
  emu: TestEmulator,
  id: string,
  opts: {
    elected?: string[];
    outcome?: string;
    noticeUnit?: string;
    subjects?: { personId: string | null; name: string }[];
    objection?: 'upheld' | 'dismissed' | 'pending' | null;
  } = {},
): Promise<{ voteId: string; noticeId: string }> {
  const voteId = `v_${id}`;
  const noticeId = `n_${id}`;
  await emu.server.db.collection('votes').insertOne({
    _id: voteId,
    unitId: 'u_sport_lb1',
    unitKind: 'league_branch',
    unitName: '体育学院2023级1班团支部',
    unitScope: ['u_sport_lb1', 'u_sport', 'u_party', 'u_league', 'u_school'],
    kind: 'honor',
    title: '优秀共青团员评选',
    state: 'closed',
    outcome: opts.outcome ?? 'counted',
    closedAt: '2026-10-20T20:00:00.000+08:00',
    candidates: [
      { id: JIANG, name: '蒋文博' },
      { id: SHEN, name: '沈可欣' },
    ],
  });
  await emu.server.db.collection('vote_results').insertOne({
    _id: `r_${voteId}`,
    voteId,
    sheet: { outcome: opts.outcome ?? 'counted', election: { elected: opts.elected ?? [JIANG] } },
  });
  await emu.server.db.collection('notices').insertOne({
    _id: noticeId,
    unitId: opts.noticeUnit ?? 'u_league',
    kind: 'honor',
    title: '优秀共青团员公示',
    body: '拟表彰以下同志',
    subjects: opts.subjects ?? [{ personId: JIANG, name: '蒋文博' }],
    scopeUnitIds: ['u_league'],
    status: 'closed',
    closed: { at: new Date('2026-11-01T00:00:00+08:00'), outcome: 'no_objection' },
    objectionCounts: { total: opts.objection ? 1 : 0, pending: opts.objection === 'pending' ? 1 : 0 },
  });
  if (opts.objection) {
    await emu.server.db.collection('objections').insertOne({
      _id: `obj_${id}`,
      noticeId,
      anonymous: false,
      objectorId: SHEN,
      objectorName: '沈可欣',
      text: '有不同意见',
      submittedAt: new Date('2026-10-28T10:00:00+08:00'),
      handling:
        opts.objection === 'pending'
          ? null
          : {
              investigation: '经核实',
              outcome: opts.objection,
              handledBy: 'p_T0001',
              handledAt: new Date('2026-10-30T10:00:00+08:00'),
            },
    });
  }
  return { voteId, noticeId };
}
