/**
 * `npm run bench -- showcase`: 5,000 showcase posts in the emulator (bulk-inserted through the direct API next to the
 * demo school), then, through the production api function and the real SDK:
 * - roundTripsPerPage: database requests of one showcase.list call, the most over first pages, deep pages (by
 *   cursor, far into the 5,000) and filtered pages (the caller's own read counts as one);
 * - p95Ms: 95th percentile of 100 showcase.list calls (10 a page), half of them at deep cursors;
 * - firstPageSetDataKb: the home tab loaded in miniprogram-simulate with the home.feed the server returned and a
 *   first showcase page of 10 cards, every setData payload of the first screen summed (KiB);
 * - roundTripsVerify: database requests of one honors.verify by an unbound WeChat user.
 */
import { demoOpenid } from '../emulator/demo/school';
import type { HonorDoc, PostDoc } from '../server/actions/honors/docs';
import { certificateNumberFrom } from '../server/domain/honors';
import type { CursorPage, HomeFeedView, MeView, PostCardView } from '../typings/actions';
import { measureHomeSetData } from './showcase-setdata';
import { withBenchEmulator } from './support';

const POSTS = 5_000;
const WARMUP = 10;
const SAMPLES = 100;
const ASSOCIATIONS = [
  ['u_as_bball', '篮球协会'],
  ['u_as_taiji', '太极拳社'],
  ['u_as_vol', '青年志愿者协会'],
  ['u_as_robot', '机器人创新协会'],
] as const;
const TAGS = ['赛事', '志愿服务', '科创', '文化', '党团活动'];

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

export function bulkPosts(now: Date): PostDoc[] {
  const out: PostDoc[] = [];
  for (let i = 0; i < POSTS; i++) {
    const [associationId, associationName] = ASSOCIATIONS[i % ASSOCIATIONS.length];
    const at = now.getTime() - i * 60_000;
    const text =
      `${associationName}第${i + 1}次活动圆满结束，同学们在活动中展现了团结协作、奋发向上的精神风貌。`.repeat(4);
    const listed = i % 10 !== 9; // one in ten waits for review
    out.push({
      _id: `sp_bench_${String(i).padStart(5, '0')}`,
      associationId,
      associationName,
      federationScope: ['u_fed', 'u_league', 'u_school'],
      authorId: 'p_2023010103',
      authorName: '罗浩然',
      byFederation: i % 3 === 0,
      title: `${associationName}活动风采第${i + 1}期`,
      text,
      excerpt: text.slice(0, 60),
      textNeedsReview: false,
      tags: [TAGS[i % TAGS.length]],
      images: Array.from({ length: 1 + (i % 9) }, (_, k) => ({
        fileID: `cloud://lingyan-bench/showcase/${i}-${k}.jpg`,
        size: 400_000,
        type: 'image/jpeg',
        state: 'pass' as const,
      })),
      review: listed ? 'approved' : 'pending',
      reviewedBy: listed ? 'p_2022029901' : null,
      reviewedAt: listed ? new Date(at).toISOString() : null,
      refusalReason: null,
      listed,
      likeCount: i % 37,
      createdAt: new Date(at).toISOString(),
      at,
    });
  }
  return out;
}

export function run(): Promise<Record<string, number | string>> {
  return withBenchEmulator('showcase', {}, async (emu) => {
    const now = new Date();
    const t0 = performance.now();
    await emu.server.db.collection('showcase_posts').insertMany(bulkPosts(now));
    const certificateNo = certificateNumberFrom(Uint8Array.from([7, 1, 4, 2, 8, 5, 7, 1, 4, 2]));
    const honor: HonorDoc = {
      _id: `h_${certificateNo}`,
      certificateNo,
      title: '五星社团',
      awardingUnitId: 'u_fed',
      awardingUnitName: '校学生社团联合会',
      awardingScope: ['u_fed', 'u_league', 'u_school'],
      recipientKind: 'association',
      recipientId: 'u_as_bball',
      recipientName: '篮球协会',
      term: '2026年度',
      citation: '活动丰富',
      voteId: null,
      noticeId: 'n_bench',
      awardedAt: now.toISOString(),
      awardedOn: now.toISOString().slice(0, 10),
      awardedBy: 'p_2022029901',
      hidden: false,
      onWall: true,
      revoked: null,
    };
    await emu.server.db.collection('honors').insertOne(honor);
    const loadMs = Math.round(performance.now() - t0);
    const total = await emu.server.db.collection('showcase_posts').count();

    const student = demoOpenid('sport_league1');
    const list = (input: Record<string, unknown>) => emu.call('showcase.list', input, student);
    const page = async (input: Record<string, unknown>) => {
      const r = await list(input);
      const body = r.body as { ok: boolean; data: CursorPage<PostCardView> };
      if (!body.ok) throw new Error(`showcase.list failed: ${JSON.stringify(r.body)}`);
      return { data: body.data, roundTrips: r.roundTrips };
    };

    // Cursors far into the showcase: walk 100 pages once.
    const deep: string[] = [];
    let cursor: string | null = null;
    let roundTripsPerPage = 0;
    for (let i = 0; i < 100; i++) {
      const r: { data: CursorPage<PostCardView>; roundTrips: number } = await page({
        limit: 10,
        ...(cursor ? { cursor } : {}),
      });
      roundTripsPerPage = Math.max(roundTripsPerPage, r.roundTrips);
      cursor = r.data.next;
      if (cursor && i % 10 === 9) deep.push(cursor);
    }
    for (let i = 0; i < WARMUP; i++) await page({ limit: 10 });
    const ms: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const input: Record<string, unknown> = { limit: 10 };
      if (i % 2 === 1) input.cursor = deep[i % deep.length];
      if (i % 5 === 2) input.associationId = ASSOCIATIONS[i % ASSOCIATIONS.length][0];
      if (i % 5 === 4) input.tag = TAGS[i % TAGS.length];
      const t = performance.now();
      const r = await page(input);
      ms.push(performance.now() - t);
      roundTripsPerPage = Math.max(roundTripsPerPage, r.roundTrips);
    }
    ms.sort((a, b) => a - b);

    // The home tab with what home.feed returned, its 5 cards replaced by a whole first showcase page (10 cards,
    // the largest first screen the showcase sends).
    const feed = await emu.call('home.feed', {}, student);
    const feedView = (feed.body as { ok: true; data: HomeFeedView }).data;
    const firstPage = (await page({ limit: 10 })).data.items;
    const me = (await emu.call('me.get', {}, student)).body as { ok: true; data: MeView };
    const firstPageSetDataKb = (await measureHomeSetData(me.data, { ...feedView, posts: firstPage })).totalKb;

    let roundTripsVerify = 0;
    for (let i = 0; i < 5; i++) {
      const r = await emu.call('honors.verify', { certificateNo }, 'o-bench-stranger');
      if (!(r.body as { ok: boolean }).ok) throw new Error(`honors.verify failed: ${JSON.stringify(r.body)}`);
      roundTripsVerify = Math.max(roundTripsVerify, r.roundTrips);
    }
    console.error(
      `showcase: ${total} posts loaded in ${loadMs} ms; list p50 ${percentile(ms, 50)} ms; home feed ${feed.roundTrips} round trips`,
    );
    return {
      posts: total,
      roundTripsPerPage,
      p95Ms: percentile(ms, 95),
      firstPageSetDataKb,
      roundTripsVerify,
    };
  });
}
