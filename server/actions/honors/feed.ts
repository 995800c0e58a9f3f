/** The home tab: the newest public posts, and for a signed-in person what waits for them, each with its count. */
import type { FeedItemView, HomeFeedView } from '../../../typings/actions';
import type { Unit } from '../../../typings/domain';
import { FEED_ITEM_LABELS, FEED_ITEM_PATHS, type FeedItemKind } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { awardingKindOf } from '../../domain/honors';
import { positionIsActive } from '../../domain/org/permissions';
import type { Store } from '../../store';
import { NOTICES } from '../notices/docs';
import { unitsById } from '../org/load';
import { VOTES } from '../votes/docs';
import { ASSOCIATION_OFFICER_ROLES, federationScopeOf, isFederationOfficer, OFFICER_PERMISSION } from './access';
import { POSTS } from './docs';
import { CARD_FIELDS, postsPage, theFederation } from './load';
import { imageLinks, postCardView } from './views';

const FEED_POSTS = 5;

/**
 * Where the person may publish: the federation (its officers) and each association they are an officer of. Read
 * only for people holding such a position, so a student's feed costs nothing more.
 */
async function publishTargets(actor: Actor, store: Store): Promise<HomeFeedView['publishAs']> {
  const positions = (actor.person?.positions ?? []).filter((p) => positionIsActive(p, actor.today));
  const out: HomeFeedView['publishAs'] = [];
  if (positions.some((p) => p.role !== 'backbone' && p.role !== 'branch_committee')) {
    const fed: Unit | null = await theFederation(store).catch(() => null);
    if (fed && isFederationOfficer(actor, await federationScopeOf(store, fed))) {
      out.push({ associationId: null, name: fed.name });
    }
  }
  const mine = positions.filter((p) => ASSOCIATION_OFFICER_ROLES.includes(p.role)).map((p) => p.unitId);
  if (mine.length) {
    const units = await unitsById(store, mine);
    for (const u of units.values()) if (u.kind === 'association') out.push({ associationId: u._id, name: u.name });
  }
  return out;
}

/**
 * The units in whose name the person may award (C6): those where they hold the officers' permission and which have
 * a list of titles. Read only for people holding it somewhere, so a student's feed costs nothing more.
 */
async function awardTargets(actor: Actor, store: Store): Promise<HomeFeedView['awardAs']> {
  const held = actor.unitsWhere(OFFICER_PERMISSION);
  if (!held.length) return [];
  const units = await unitsById(store, held);
  return [...units.values()]
    .filter((u) => awardingKindOf(u.kind) !== null)
    .map((u) => ({ unitId: u._id, name: u.name }));
}

export const homeFeed = defineAction({
  name: 'home.feed',
  summary: '首页：最新的风采展示；已绑定的用户另见待参加的表决、所在组织公示中的公示、待审核事项及其数量',
  access: { kind: 'anyone' },
  errors: [],
  async run({ actor, store, ports, now }) {
    const _ = store.command;
    const person = actor.person;
    const counts: Promise<[FeedItemKind, number]>[] = [];
    const count = (kind: FeedItemKind, collection: string, where: object) =>
      counts.push(
        store
          .collection(collection)
          .where(where)
          .count()
          .then((r: { total: number }) => [kind, r.total] as [FeedItemKind, number]),
      );
    if (person) {
      const units = [
        ...new Set(
          [...person.memberOf, person.homePartyBranchId, person.homeLeagueBranchId].filter((u): u is string => !!u),
        ),
      ];
      if (units.length) count('open_votes', VOTES, { unitId: _.in(units), state: 'open' });
      count('open_notices', NOTICES, {
        scopeUnitIds: _.in(person.reach),
        posted: true,
        status: 'published',
        'published.window.opensAt': _.lte(now),
        'published.window.closesAt': _.gt(now),
      });
      const officerOf = actor.unitsWhere(OFFICER_PERMISSION);
      if (officerOf.length) count('posts_to_review', POSTS, { review: 'pending', federationScope: _.in(officerOf) });
    }
    const [page, publishAs, awardAs, ...found] = await Promise.all([
      postsPage(store, { listed: true }, undefined, FEED_POSTS, CARD_FIELDS),
      publishTargets(actor, store),
      awardTargets(actor, store),
      ...counts,
    ]);
    const links = await imageLinks(ports.files, page.items, 'cover');
    const waiting: FeedItemView[] = found.map(([kind, n]) => ({
      kind,
      label: FEED_ITEM_LABELS[kind],
      count: n,
      path: FEED_ITEM_PATHS[kind],
    }));
    return {
      posts: page.items.map((p) => postCardView(p, links)),
      next: page.next,
      waiting,
      personId: actor.personId,
      publishAs,
      awardAs,
    };
  },
});
