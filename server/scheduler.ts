/**
 * The `scheduler` cloud function: timer-triggered, and the receiver of WeChat's message pushes for asynchronous
 * media checks (`wxa_media_check`, matched by a trace id only WeChat and this app know). It refuses calls that
 * carry a user identity.
 */
import { runJobs } from './jobs';
import { applyMediaVerdict, isMediaCheckPush } from './jobs/media';
import { createPorts } from './ports';
import { cloudCheckpoints, Store } from './store';

// biome-ignore lint/suspicious/noExplicitAny: wx-server-sdk is untyped here
type Cloud = any;

export function createScheduler(cloud: Cloud) {
  const store = new Store(cloud.database({ throwOnNotFound: false }), cloudCheckpoints(cloud));
  const ports = createPorts(cloud);
  return async function main(event: unknown): Promise<unknown> {
    const { OPENID } = cloud.getWXContext() as { OPENID?: string };
    if (!OPENID && isMediaCheckPush(event)) {
      return { ok: true, media: await applyMediaVerdict(store, event, ports.clock.now()) };
    }
    if (OPENID || (event as { Type?: string })?.Type !== 'Timer') return { ok: false, error: 'timer trigger only' };
    return { ok: true, jobs: await runJobs({ store, ports, now: ports.clock.now() }) };
  };
}
