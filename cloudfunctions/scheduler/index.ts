/** Deployable entry of the `scheduler` function (timer trigger in config.json). */
import cloud from 'wx-server-sdk';
import { createScheduler } from '../../server/scheduler';

// DYNAMIC_CURRENT_ENV is a symbol the SDK resolves to the environment the function is deployed in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = createScheduler(cloud);
