/** Deployable entry of the `api` function: the mini-program calls it with `{action, input}`. */
import cloud from 'wx-server-sdk';
import { createApi } from '../../server/api';

// DYNAMIC_CURRENT_ENV is a symbol the SDK resolves to the environment the function is deployed in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = createApi(cloud);
