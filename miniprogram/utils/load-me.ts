/**
 * 首页 and 我的 both show a view of `me.get`, refreshed on every show (binding state changes elsewhere).
 * This is that load once: one request at a time, the loading state only before the first answer, errors as text.
 */
import type { MeView } from '../../typings/actions';
import { call } from '../services/api';
import { errorText } from '../services/errors';

interface MePage {
  loading: boolean;
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
}

/** Loads `me.get` into `data[key]` as `map(me)`, with `state` and `errorMessage` alongside. */
export async function loadMeInto<V>(page: MePage, key: string, map: (me: MeView) => V): Promise<void> {
  if (page.loading) return;
  page.loading = true;
  if (!page.data[key]) page.setData({ state: 'loading' });
  const res = await call('me.get', {});
  page.loading = false;
  if (!res.ok) {
    page.setData({ state: 'error', errorMessage: errorText(res.error) });
    return;
  }
  page.setData({ state: 'ready', [key]: map(res.data) });
}
