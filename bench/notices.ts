/**
 * `npm run bench -- notices`: 10,000 公示 in the emulator (bulk-inserted through the direct API next to the demo
 * school), then, through the production api function and the real SDK:
 * - roundTripsList / roundTripsDetail: database requests of one notices.list / notices.get call (the most over all
 *   calls measured; the caller's own read counts as one); roundTripsMe the same for me.get (首页, every show);
 * - listReplyBytes / detailReplyBytes / meReplyBytes: the replies as JSON (the function's outbound payload);
 * - p95ListMs: 95th percentile of 100 notices.list calls (first page, pageSize 10) as a member whose units see about
 *   a third of the notices; p95ManagedListMs: the same as the school administrator, whose managed list matches all;
 * - firstScreenSetDataKb: the 公示 tab loaded in miniprogram-simulate with the first page the server returned
 *   (10 real cards), every setData payload of the first screen summed (KiB); see bench/notices-setdata.ts.
 */
import { demoOpenid } from '../emulator/demo/school';
import { type NoticeDoc, withPhase } from '../server/actions/notices/docs';
import { createDraft, type Notice, type PublicityWindow, publicityWindow } from '../server/domain/notices';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../server/domain/time';
import type { NoticeCardView, NoticeKind, Page } from '../typings/actions';
import type { Unit } from '../typings/domain';
import { measureNoticesSetData } from './notices-setdata';
import { printFigures, withBenchEmulator } from './support';

const NOTICES = 10_000;
const WARMUP = 10;
const SAMPLES = 100;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

/** Notices spread over every unit and every state; windows computed once per start day. */
export function bulkNotices(units: Unit[], now: Date): NoticeDoc[] {
  const today = shanghaiDate(now);
  const windows = new Map<string, PublicityWindow>();
  const windowFrom = (start: string) => {
    let w = windows.get(start);
    if (!w) {
      w = publicityWindow({ start, length: 5, unit: 'workday', counting: 'inclusive' });
      windows.set(start, w);
    }
    return w;
  };
  const kinds: NoticeKind[] = ['tuiyou', 'honor', 'backbone', 'activist', 'other'];
  const out: NoticeDoc[] = [];
  for (let i = 0; i < NOTICES; i++) {
    const owner = units[i % units.length];
    const kind = kinds[i % kinds.length];
    // 10% drafts, 20% open, 10% scheduled, 55% closed, 5% withdrawn.
    const slot = i % 20;
    const fate = slot < 2 ? 'draft' : slot < 6 ? 'open' : slot < 8 ? 'scheduled' : slot < 19 ? 'closed' : 'withdrawn';
    const startIn =
      fate === 'open' || fate === 'withdrawn' ? -(i % 3) : fate === 'closed' ? -20 - (i % 400) : 3 + (i % 30);
    const start = addDays(today, startIn);
    const created = new Date(startOfShanghaiDay(start).getTime() - 86_400_000 + (i % 3600) * 1000);
    let n: Notice = createDraft(
      {
        _id: `n_bench_${String(i).padStart(5, '0')}`,
        unitId: owner._id,
        ruleVersion: '2014',
        kind,
        title: `第${i + 1}号公示：关于拟推荐同志的公示`,
        body: '经组织研究，拟推荐以下同志。现予公示，公示期间如有异议，请通过“领雁”小程序反映。'.repeat(4),
        subjects: [{ personId: null, name: '张三' }],
        scopeUnitIds: [owner._id],
        spec: { start, length: 5, unit: 'workday', counting: 'inclusive' },
        by: 'p_T0001',
      },
      created,
    );
    if (fate !== 'draft') {
      const window = windowFrom(start);
      n = { ...n, status: 'published', published: { at: created, by: 'p_T0001', window } };
      if (fate === 'closed') n = { ...n, status: 'closed', closed: { at: window.closesAt, outcome: 'no_objection' } };
      if (fate === 'withdrawn') {
        n = { ...n, status: 'withdrawn', withdrawn: { at: now, by: 'p_T0001', reason: '压测撤回' } };
      }
    }
    out.push(
      withPhase(
        {
          ...n,
          ownerScope: [owner._id, ...owner.ancestors],
          unitName: owner.name,
          scopeUnits: [{ unitId: owner._id, unitName: owner.name }],
          posted: fate !== 'draft',
          phase: 'draft',
          listOrder: 0,
          objectionCounts: { total: 0, pending: 0 },
          objectorTally: {},
        },
        now,
      ),
    );
  }
  return out;
}

export function run(): Promise<Record<string, number | string>> {
  return withBenchEmulator('notices', {}, async (emu) => {
    const units = (await emu.server.db.collection('units').find({})) as Unit[];
    const now = new Date();
    const t0 = performance.now();
    await emu.server.db.collection('notices').insertMany(bulkNotices(units, now));
    const loadMs = Math.round(performance.now() - t0);
    const total = await emu.server.db.collection('notices').count();

    const member = demoOpenid('sport_league1');
    const admin = demoOpenid('admin');
    const list = (openid: string, input: Record<string, unknown>) => emu.call('notices.list', input, openid);

    let roundTripsList = 0;
    // Reply bytes as JSON (the function's outbound payload): the largest page seen, and the largest detail.
    let listReplyBytes = 0;
    const time = async (openid: string, input: Record<string, unknown>) => {
      for (let i = 0; i < WARMUP; i++) await list(openid, input);
      const ms: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t = performance.now();
        const r = await list(openid, { ...input, page: 1 + (i % 3) });
        ms.push(performance.now() - t);
        if (!(r.body as { ok: boolean }).ok) throw new Error(`notices.list failed: ${JSON.stringify(r.body)}`);
        roundTripsList = Math.max(roundTripsList, r.roundTrips);
        listReplyBytes = Math.max(listReplyBytes, JSON.stringify(r.body).length);
      }
      return ms.sort((a, b) => a - b);
    };
    const memberMs = await time(member, { scope: 'visible', pageSize: 10 });
    const adminMs = await time(admin, { scope: 'managed', pageSize: 10 });

    const first = await list(member, { scope: 'visible', page: 1, pageSize: 10 });
    const items = (first.body as { ok: true; data: Page<NoticeCardView> }).data.items;
    const firstScreenSetDataKb = (await measureNoticesSetData(items)).totalKb;
    const reader = (await emu.server.db.collection('people').findOne({ openid: member })) as { reach: string[] };
    const visible = await emu.server.db
      .collection('notices')
      .count({ posted: true, scopeUnitIds: { $in: reader.reach } });

    // me.get: what 首页 loads on every show (the first call of an open).
    const me = await emu.call('me.get', {}, member);
    if (!(me.body as { ok: boolean }).ok) throw new Error(`me.get failed: ${JSON.stringify(me.body)}`);
    const roundTripsMe = me.roundTrips;
    const meReplyBytes = JSON.stringify(me.body).length;

    let roundTripsDetail = 0;
    let detailReplyBytes = 0;
    for (const item of items) {
      const r = await emu.call('notices.get', { noticeId: item.id }, member);
      if (!(r.body as { ok: boolean }).ok) throw new Error(`notices.get failed: ${JSON.stringify(r.body)}`);
      roundTripsDetail = Math.max(roundTripsDetail, r.roundTrips);
      detailReplyBytes = Math.max(detailReplyBytes, JSON.stringify(r.body).length);
    }
    console.error(
      `notices: ${total} (member sees ${visible}); loaded in ${loadMs} ms; member list p50 ${percentile(memberMs, 50)} ms`,
    );
    return {
      notices: total,
      roundTripsList,
      roundTripsDetail,
      p95ListMs: percentile(memberMs, 95),
      firstScreenSetDataKb,
      p95ManagedListMs: percentile(adminMs, 95),
      listReplyBytes,
      detailReplyBytes,
      roundTripsMe,
      meReplyBytes,
    };
  });
}

if (require.main === module) printFigures(run());
