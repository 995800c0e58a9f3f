/**
 * The `api` cloud function, as a factory so the deployable entry stays one line.
 * The caller's identity comes from cloud.getWXContext() — the platform's word, never the request body.
 */
import { actions } from './actions';
import { dispatch } from './pipeline';
import { createPorts } from './ports';
import { cloudCheckpoints, Store } from './store';

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk is untyped here
type Cloud = any;

export function createApi(cloud: Cloud) {
  const store = new Store(cloud.database({ throwOnNotFound: false }), cloudCheckpoints(cloud));
  const ports = createPorts(cloud);
  return async function main(event: unknown): Promise<unknown> {
    const { OPENID } = cloud.getWXContext() as { OPENID?: string };
    return dispatch(actions, event, { openid: OPENID, store, ports });
  };
}
