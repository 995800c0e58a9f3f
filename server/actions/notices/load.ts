/** Loaders of the notice actions: a notice (get-or-throw, in or out of a transaction) and its objections. */
import type { Store, Tx } from '../../store';
import { NOTICES, type NoticeDoc, OBJECTIONS, type ObjectionDoc } from './docs';

const NOT_FOUND: ['NOT_FOUND', string] = ['NOT_FOUND', '找不到该公示'];

export function loadNotice(store: Store, id: string): Promise<NoticeDoc> {
  return store.require<NoticeDoc>(NOTICES, id, NOT_FOUND);
}

export function txNotice(tx: Tx, id: string): Promise<NoticeDoc> {
  return tx.require<NoticeDoc>(NOTICES, id, NOT_FOUND);
}

/** The order a notice's objections are read in: oldest first. */
export const OBJECTION_ORDER: [string, 'asc' | 'desc'][] = [
  ['submittedAt', 'asc'],
  ['_id', 'asc'],
];

/** Every objection to a notice, oldest first (a notice draws a handful). */
export function objectionsOf(store: Store, noticeId: string): Promise<ObjectionDoc[]> {
  return store.all<ObjectionDoc>(OBJECTIONS, { noticeId }, { orderBy: OBJECTION_ORDER });
}
