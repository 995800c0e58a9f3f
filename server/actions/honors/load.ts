/** Loaders: get-or-throw with an error code, and the paged queries of honors and posts. */
import type { Page } from '../../../typings/actions';
import type { Unit } from '../../../typings/domain';
import { DomainError } from '../../domain/errors';
import { type TitleTable, titleTableWith } from '../../domain/honors';
import type { Store } from '../../store';
import { UNITS } from '../org/docs';
import { unitsById } from '../org/load';
import { HONOR_TITLES_ID, HONORS, type HonorDoc, POSTS, type PostDoc, SETTINGS, type TitleSettingsDoc } from './docs';

export async function requireHonor(store: Store, id: string): Promise<HonorDoc> {
  const h = await store.get<HonorDoc>(HONORS, id);
  if (!h) throw new DomainError('HONOR_NOT_FOUND');
  return h;
}

export async function requirePost(store: Store, id: string): Promise<PostDoc> {
  const p = await store.get<PostDoc>(POSTS, id);
  if (!p) throw new DomainError('POST_NOT_FOUND');
  return p;
}

/** A unit of the given kinds, or UNIT_NOT_FOUND / UNIT_KIND_INVALID. */
export async function requireUnitOf(store: Store, id: string, kinds: readonly Unit['kind'][]): Promise<Unit> {
  const unit = await store.get<Unit>(UNITS, id);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND');
  if (!kinds.includes(unit.kind)) throw new DomainError('UNIT_KIND_INVALID');
  return unit;
}

/** The federation an association is registered under (one read of its ancestors). */
export async function federationAbove(store: Store, unit: Unit): Promise<Unit> {
  if (unit.kind === 'federation') return unit;
  const above = await unitsById(store, unit.ancestors);
  const fed = unit.ancestors.map((id) => above.get(id)).find((u) => u?.kind === 'federation');
  if (!fed) throw new DomainError('UNIT_KIND_INVALID', '该社团未在社团联合会登记');
  return fed;
}

/** The school's federation (the one a federation-wide post belongs to). */
export async function theFederation(store: Store): Promise<Unit> {
  const [fed] = await store.find<Unit>(UNITS, { kind: 'federation' }, { orderBy: [['_id', 'asc']], limit: 1 });
  if (!fed) throw new DomainError('UNIT_NOT_FOUND', '尚未设立社团联合会');
  return fed;
}

/** C6: the school's title lists (settings/honor_titles), the defaults where it sets none. */
export async function loadTitleTable(store: Store): Promise<TitleTable> {
  const doc = await store.get<TitleSettingsDoc>(SETTINGS, HONOR_TITLES_ID);
  return titleTableWith(doc?.titles);
}

/** Honors matching `where`, newest first, one page (one query). */
export async function honorsPage(
  store: Store,
  where: Record<string, unknown>,
  page: number,
  pageSize: number,
): Promise<Page<HonorDoc>> {
  return store.page<HonorDoc>(HONORS, where, {
    orderBy: [
      ['awardedAt', 'desc'],
      ['_id', 'desc'],
    ],
    page,
    pageSize,
  });
}

/** A cursor names the last post of a page: its time and id. */
export function cursorOf(p: Pick<PostDoc, 'at' | '_id'>): string {
  return `${p.at}.${p._id}`;
}

function parseCursor(cursor: string): { at: number; id: string } {
  const dot = cursor.indexOf('.');
  const at = Number(cursor.slice(0, dot));
  const id = cursor.slice(dot + 1);
  if (dot < 1 || !Number.isSafeInteger(at) || !id) {
    throw new DomainError('BAD_INPUT', undefined, { cursor: '分页标记格式不正确' });
  }
  return { at, id };
}

/**
 * Posts matching `where`, newest first, after `cursor`: one query whatever the page (keyset pagination on
 * (at, _id), never a skip over the posts before it).
 */
export async function postsPage(
  store: Store,
  where: Record<string, unknown>,
  cursor: string | undefined,
  limit: number,
  field?: Record<string, boolean>,
): Promise<{ items: PostDoc[]; next: string | null }> {
  const _ = store.command;
  let q: Record<string, unknown> = where;
  if (cursor) {
    const c = parseCursor(cursor);
    q = _.and([where, _.or([{ at: _.lt(c.at) }, { at: c.at, _id: _.lt(c.id) }])]);
  }
  const rows = await store.find<PostDoc>(POSTS, q, {
    orderBy: [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    limit: limit + 1,
    field,
  });
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
}

/** The fields a card needs: a page of cards carries no full texts. */
export const CARD_FIELDS = { text: false, authorId: false, refusalReason: false };
