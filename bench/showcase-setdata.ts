/**
 * The home tab's first screen with the showcase, as setData sees it: load pages/home/index against a `home.feed`
 * reply the server gave (and the reader's own `me.get`) and add up the JSON of every setData call until the cards
 * are on screen (bench/setdata.ts).
 */

import { ok } from '../tests/component/harness';
import type { HomeFeedView, MeView } from '../typings/actions';
import { firstLoadSetData, kb } from './setdata';

/** KB of every setData of the home tab's first load with `me` and `feed` as the server's replies. */
export async function measureHomeSetData(me: MeView, feed: HomeFeedView): Promise<{ totalKb: number; cards: number }> {
  const { sizes, shown: cards } = await firstLoadSetData(
    'pages/home/index',
    { 'me.get': ok(me), 'home.feed': ok(feed) },
    '.post-card',
  );
  if (cards !== feed.posts.length) throw new Error(`expected ${feed.posts.length} cards on screen, saw ${cards}`);
  return { totalKb: kb(sizes.reduce((a, b) => a + b, 0)), cards };
}
