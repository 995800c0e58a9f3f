/**
 * The one seam to the back end. Every page talks to the server through `call(action, input)`; the types come from
 * typings/ (type-only: nothing outside miniprogramRoot can be loaded at run time).
 */
import type { ActionName, Input, Output } from '../../typings/actions';
import type { ApiError, Result } from '../../typings/errors';
import { config } from '../config';

/** What the person sees when the request never got a proper answer. */
export const NETWORK_ERROR: ApiError = { code: 'INTERNAL', message: '网络异常，请稍后重试' };

/** The name of the RPC cloud function (cloudfunctions/api). */
export const API_FUNCTION = 'api';

interface Request<A extends ActionName> {
  action: A;
  input: Input<A>;
}

export async function call<A extends ActionName>(action: A, input: Input<A>): Promise<Result<Output<A>>> {
  const request: Request<A> = { action, input };
  let body: unknown;
  try {
    body = config.mode === 'local' ? await viaLocalHost(request) : await viaCloud(request);
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  return isEnvelope(body) ? (body as Result<Output<A>>) : { ok: false, error: NETWORK_ERROR };
}

async function viaCloud<A extends ActionName>(request: Request<A>): Promise<unknown> {
  const res = await wx.cloud.callFunction({ name: API_FUNCTION, data: request });
  return res.result;
}

function viaLocalHost<A extends ActionName>(request: Request<A>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${config.localUrl}/functions/${API_FUNCTION}`,
      method: 'POST',
      data: request as unknown as WechatMiniprogram.IAnyObject,
      header: { 'content-type': 'application/json', 'x-lingyan-openid': config.localOpenid },
      timeout: config.timeoutMs,
      success: (res) => resolve(res.data),
      fail: (err) => reject(err),
    });
  });
}

/** The function's reply is `{ok:true,data}` or `{ok:false,error:{code,message}}`; anything else is a transport fault. */
function isEnvelope(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (b.ok === true) return 'data' in b;
  if (b.ok === false) return typeof b.error?.code === 'string' && typeof b.error?.message === 'string';
  return false;
}
