/** Loaders of the votes actions: get-or-throw with an error code, a unit's people, every document of a vote. */
import type { Person } from '../../../typings/domain';
import { PEOPLE } from '../../actor';
import { checkedInButNotPresent } from '../../domain/votes';
import type { Page, Store, Tx } from '../../store';
import { PARTICIPATION, RESULTS, type ResultsDoc, resultsId, VOTES, type VoteDoc } from './docs';

/** The fields a card needs: lists never load rosters. */
const CARD_FIELDS: Record<string, boolean> = {
  _id: true,
  kind: true,
  title: true,
  unitId: true,
  unitName: true,
  state: true,
  scheduledStart: true,
  secret: true,
};

const NOT_FOUND: ['NOT_FOUND', string] = ['NOT_FOUND', '找不到该表决'];

export function requireVote(store: Store, voteId: string): Promise<VoteDoc> {
  return store.require<VoteDoc>(VOTES, voteId, NOT_FOUND);
}

/** The sealed count of a closed vote. */
export function requireResults(store: Store, voteId: string): Promise<ResultsDoc> {
  return store.require<ResultsDoc>(RESULTS, resultsId(voteId), ['NOT_FOUND', '找不到表决结果']);
}

/**
 * A named vote as other modules read it (the pipeline's gates, an honor's 评优 vote). A closed vote's results document
 * answers everything they ask (its kind, meeting day, outcome and elected are on the sheet, its unit and the units
 * above it beside it; written in the close's transaction and sealed with the vote): one read. A vote without such
 * results (not closed, or closed before results kept their unit's scope) is read itself.
 */
export interface LoadedVote {
  results: ResultsDoc | null;
  vote: VoteDoc | null;
}

export async function loadVote(store: Store, voteId: string): Promise<LoadedVote> {
  const results = await store.get<ResultsDoc>(RESULTS, resultsId(voteId));
  if (results?.unitId && results.unitScope) return { results, vote: null };
  return { results, vote: await store.get<VoteDoc>(VOTES, voteId) };
}

/** The vote as this transaction reads it. */
export function txVote(tx: Tx, voteId: string): Promise<VoteDoc> {
  return tx.require<VoteDoc>(VOTES, voteId, NOT_FOUND);
}

/** The people of a unit: `memberOf` lists home branches too (Person.memberOf), so one indexed query finds them. */
export function loadUnitPeople(store: Store, unitId: string): Promise<Person[]> {
  return store.all<Person>(PEOPLE, { memberOf: unitId });
}

/** Every document of a vote in one collection, in pages (ordered by id, which carries no casting order). */
export function loadAllOf<T extends { _id: string }>(store: Store, collection: string, voteId: string): Promise<T[]> {
  return store.all<T>(collection, { voteId });
}

/** A page of votes for a list (latest meeting first), card fields only. */
export function votePage(
  store: Store,
  where: Record<string, unknown>,
  page: number,
  pageSize: number,
): Promise<Page<VoteDoc>> {
  return store.page<VoteDoc>(VOTES, where, {
    orderBy: [
      ['scheduledStart', 'desc'],
      ['_id', 'asc'],
    ],
    page,
    pageSize,
    field: CARD_FIELDS,
  });
}

/**
 * 实到 of an open vote in one round trip: a count of its participation records, less the raters without a vote (C2).
 * Only expected voters check in, so this is `presentCount` over the records without loading them.
 */
export async function countPresent(store: Store, vote: VoteDoc): Promise<number> {
  const notPresent = vote.roster ? checkedInButNotPresent(vote.roster) : [];
  const where: Record<string, unknown> = { voteId: vote._id };
  if (notPresent.length > 0) where.personId = store.command.nin(notPresent);
  const res = await store.collection(PARTICIPATION).where(where).count();
  return (res as { total: number }).total;
}
