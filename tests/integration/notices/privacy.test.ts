/**
 * What the database keeps about an objection's author, read straight from the stored documents, and the per-person
 * limit on objections. 袁梦 (info_league1, p_2024020202) objects to one 推优 notice of 信息学院2024级2班团支部
 * under her name and once anonymously.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MyObjectionView, NoticeDetailView, Page } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { footprint, sh, tuiyouDraft } from './support';

let emu: TestEmulator;
let noticeId = '';
let realNameId = '';
let anonymousId = '';

const PERSON = 'p_2024020202';
const OPENID = 'demo_info_league1';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-09-25 10:00'));
  noticeId = expectOk(await emu.as<{ noticeId: string }>('info_lb2_sec', 'notices.create', tuiyouDraft())).noticeId;
  expectOk(await emu.as('info_lb2_sec', 'notices.publish', { noticeId }));
  emu.host.setClock(sh('2026-09-29 09:00'));
  realNameId = expectOk(
    await emu.as<{ objectionId: string }>('info_league1', 'notices.object', {
      noticeId,
      text: '推荐程序中未公布票数，请说明。',
      anonymous: false,
    }),
  ).objectionId;
  emu.host.setClock(sh('2026-09-29 09:03'));
  anonymousId = expectOk(
    await emu.as<{ objectionId: string }>('info_league1', 'notices.object', {
      noticeId,
      text: '有人在投票前私下拉票，请核实。',
      anonymous: true,
    }),
  ).objectionId;
});
afterAll(() => emu.close());

type Doc = Record<string, unknown> & { _id: string };

/** Every scalar value in a document (nested objects and arrays included), as text, with object keys too. */
function values(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (x === null || x === undefined || typeof x === 'boolean') return out;
  if (x instanceof Date) out.add(x.toISOString());
  else if (Array.isArray(x)) for (const v of x) values(v, out);
  else if (typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      out.add(k);
      values(v, out);
    }
  } else out.add(String(x));
  return out;
}

async function allDocs(): Promise<{ collection: string; doc: Doc }[]> {
  const out: { collection: string; doc: Doc }[] = [];
  for (const c of emu.server.db.collectionNames()) {
    for (const doc of await emu.server.db.collection(c).find<Doc>({})) out.push({ collection: c, doc });
  }
  return out;
}

const digests = (s: string) => ['md5', 'sha1', 'sha256'].map((a) => createHash(a).update(s).digest('hex')).concat([s]);

describe('an anonymous objection shares nothing with its author’s other records', () => {
  it('stores no value of the anonymous objection in the real-name objection or any record naming the person', async () => {
    const docs = await allDocs();
    const anon = docs.find((d) => d.collection === 'objections' && d.doc._id === anonymousId)!.doc;
    const real = docs.find((d) => d.collection === 'objections' && d.doc._id === realNameId)!.doc;
    expect(anon).toMatchObject({ anonymous: true, objectorId: null, objectorName: null });
    // The fields that describe the notice (both objections are to the same one) and the flags are not the person's.
    const {
      noticeId: _n,
      noticeTitle: _t,
      ownerScope: _s,
      anonymous: _a,
      needsReview: _r,
      handling: _h,
      ...own
    } = anon;
    const anonValues = [...values(own)].filter(
      (v) => !['_id', 'objectorId', 'objectorName', 'text', 'submittedAt'].includes(v),
    );
    expect(anonValues.length).toBeGreaterThan(2); // id, text, instant

    // The person's records: every stored document that names her by id, name, student number or openid.
    const personal = docs.filter(({ doc }) => {
      const text = JSON.stringify(doc);
      return [PERSON, '袁梦', '2024020202', OPENID].some((s) => text.includes(s));
    });
    expect(personal.map((d) => d.doc._id)).toContain(realNameId);
    for (const { collection, doc } of personal) {
      const theirs = values(doc);
      for (const v of anonValues) expect([collection, doc._id, theirs.has(v)]).toEqual([collection, doc._id, false]);
      const text = JSON.stringify(doc);
      expect([collection, doc._id, text.includes(anonymousId)]).toEqual([collection, doc._id, false]);
    }
    // Nor is any value of the real-name objection (its id, key-like fields) in the anonymous one.
    const realValues = values(real);
    for (const v of anonValues) expect(realValues.has(v)).toBe(false);
  });

  it('derives no value of the anonymous objection from the person without the secret', async () => {
    const anon = (await emu.server.db.collection('objections').findOne<Doc>({ _id: anonymousId }))!;
    const text = JSON.stringify(anon);
    for (const s of [PERSON, '袁梦', '2024020202', OPENID]) {
      for (const d of digests(s)) expect(text.includes(d)).toBe(false);
      for (const d of digests(s)) expect(text.includes(d.slice(0, 32))).toBe(false);
    }
    expect(Object.keys(anon)).not.toContain('objectorKey');
  });

  it('writes nothing naming the person into the data folder’s record of the anonymous objection’s transaction', async () => {
    const lines: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else lines.push(...fs.readFileSync(f, 'utf8').split('\n'));
      }
    };
    walk(emu.dataDir);
    const withAnon = lines.filter((l) => l.includes(anonymousId));
    expect(withAnon.length).toBeGreaterThan(0);
    for (const l of withAnon) expect(l).not.toMatch(new RegExp(`${PERSON}|袁梦|2024020202|${OPENID}|${realNameId}`));
  });

  it('leaves the anonymous objection’s audit entry without an actor', async () => {
    const entry = await emu.server.db.collection('audit').findOne({ target: `objections/${anonymousId}` });
    expect(entry).toMatchObject({ action: 'notices.object', actorId: null });
  });

  it('still shows its author both objections in 我的异议, newest first, and the count on the notice', async () => {
    const mine = expectOk(await emu.as<Page<MyObjectionView>>('info_league1', 'notices.myObjections', {})).items;
    expect(mine.map((o) => [o.id, o.anonymous])).toEqual([
      [anonymousId, true],
      [realNameId, false],
    ]);
    const paged = expectOk(
      await emu.as<Page<MyObjectionView>>('info_league1', 'notices.myObjections', { page: 2, pageSize: 1 }),
    );
    expect(paged.items.map((o) => o.id)).toEqual([realNameId]);
    const theirs = expectOk(await emu.as<Page<MyObjectionView>>('info_league2', 'notices.myObjections', {})).items;
    expect(theirs).toEqual([]);
    const detail = expectOk(await emu.as<NoticeDetailView>('info_league1', 'notices.get', { noticeId }));
    expect(detail.myObjectionCount).toBe(2);
  });
});

describe('the emulator’s outbox', () => {
  it('keeps of a content check only its verdict and length: never the openid with the text', async () => {
    const checks = emu.host.outbox.filter((r) => r.api === 'security.msgSecCheck');
    expect(checks.length).toBeGreaterThanOrEqual(2);
    const kept = JSON.stringify(checks);
    expect(kept).not.toContain(OPENID);
    expect(kept).not.toContain('私下拉票');
    expect(checks.at(-1)?.payload).toMatchObject({ scene: 2, result: { suggest: 'pass' } });
    // The same holds for what the emulator wrote to its data folder.
    const file = fs.readFileSync(path.join(emu.dataDir, 'outbox.jsonl'), 'utf8');
    expect(file).not.toContain(OPENID);
    expect(file).not.toContain('私下拉票');
  });
});

describe('the audit list', () => {
  it('shows an administrator the day of an anonymous objection, not its instant; a real-name one keeps its instant', async () => {
    type Entry = { seq: number; at: string; actorId: string | null; action: string; target: string };
    const list = expectOk(await emu.as<Page<Entry>>('admin', 'audit.list', { pageSize: 50 })).items;
    const anon = list.find((e) => e.target === `objections/${anonymousId}`)!;
    expect(anon).toMatchObject({ action: 'notices.object', actorId: null, at: '2026-09-29' });
    const named = list.find((e) => e.target === `objections/${realNameId}`)!;
    expect(named).toMatchObject({ actorId: PERSON, at: '2026-09-29T09:00:00.000+08:00' });
    // What the api returns for the anonymous entry carries no time of day anywhere.
    expect(JSON.stringify(anon)).not.toMatch(/09:03/);
  });
});

describe('the per-person limit on objections', () => {
  it('takes ten objections from one person in a minute and refuses the eleventh, writing nothing', async () => {
    emu.host.setClock(sh('2026-09-30 10:00:00'));
    for (let i = 1; i <= 10; i++) {
      emu.host.setClock(sh(`2026-09-30 10:00:0${i % 10}`));
      expectOk(await emu.as('info_league2', 'notices.object', { noticeId, text: `第${i}条意见。`, anonymous: false }));
    }
    const before = await footprint(emu);
    const limits = await emu.server.db.collection('rate_limits').find({}, { sort: { _id: 1 } });
    emu.host.setClock(sh('2026-09-30 10:00:30'));
    const r = await emu.as('info_league2', 'notices.object', { noticeId, text: '第11条意见。', anonymous: false });
    expect(errorCode(r)).toBe('RATE_LIMITED');
    expect(r.ok ? '' : r.error.message).toBe('您提交得太频繁了：每分钟最多10次，请稍后再试');
    expect(await footprint(emu)).toEqual(before);
    expect(await emu.server.db.collection('rate_limits').find({}, { sort: { _id: 1 } })).toEqual(limits);
  });

  it('counts each person apart, and takes objections again in the next minute', async () => {
    expectOk(
      await emu.as('info_league1', 'notices.object', { noticeId, text: '另一位同学的意见。', anonymous: false }),
    );
    emu.host.setClock(sh('2026-09-30 10:01:00'));
    expectOk(await emu.as('info_league2', 'notices.object', { noticeId, text: '下一分钟的意见。', anonymous: false }));
  });

  it('limits anonymous objections the same way, in a keyed window of their own', async () => {
    emu.host.setClock(sh('2026-09-30 11:00:00'));
    for (let i = 1; i <= 10; i++) {
      expectOk(await emu.as('info_league2', 'notices.object', { noticeId, text: `匿名意见${i}。`, anonymous: true }));
    }
    const before = await footprint(emu);
    const index = await emu.server.db.collection('objection_authors').find({}, { sort: { _id: 1 } });
    const checks = emu.host.outbox.length;
    const r = await emu.as('info_league2', 'notices.object', { noticeId, text: '匿名意见11。', anonymous: true });
    expect(errorCode(r)).toBe('RATE_LIMITED');
    expect(await footprint(emu)).toEqual(before);
    expect(await emu.server.db.collection('objection_authors').find({}, { sort: { _id: 1 } })).toEqual(index);
    expect(emu.host.outbox.length).toBe(checks); // refused before WeChat is asked to check the text
    const limits = await emu.server.db.collection('rate_limits').find<Doc>({});
    expect(JSON.stringify(limits.filter((l) => l._id.startsWith('objection_a')))).not.toMatch(/p_2024020203|邹明/);
    const mine = expectOk(
      await emu.as<Page<MyObjectionView>>('info_league2', 'notices.myObjections', { pageSize: 50 }),
    ).items;
    expect(mine.filter((o) => o.anonymous)).toHaveLength(10);
  });
});
