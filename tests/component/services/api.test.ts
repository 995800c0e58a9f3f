/** The service seam: what reaches the platform, and how every transport outcome becomes a Result. */
import type { ActionName, Input, Output } from '../../../typings/actions';
import type { Result } from '../../../typings/errors';
import { worldView } from '../../support/world-views';
import { fail, OFFLINE, ok, stubPlatform } from '../harness';

type Call = <A extends ActionName>(action: A, input: Input<A>) => Promise<Result<Output<A>>>;
const NETWORK = { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } };

/** `me.get` of a WeChat user the demo world's school has never seen. */
const ME_UNBOUND = worldView('me.get.newcomer');

describe('services/api call()', () => {
  it('calls the api cloud function with {action, input} and returns its envelope', async () => {
    const platform = stubPlatform({ responses: { 'me.get': ok(ME_UNBOUND) } });
    const { call } = platform.requireMp<{ call: Call }>('services/api');
    await expect(call('me.get', {})).resolves.toEqual(ok(ME_UNBOUND));
    expect(platform.calls).toEqual([{ action: 'me.get', input: {}, transport: 'cloud' }]);
  });

  it('passes error envelopes through unchanged, field messages included', async () => {
    const error = fail('BAD_INPUT', { fields: { studentNo: '学号应为 4–20 位字母或数字' } });
    const platform = stubPlatform({ responses: { 'bindings.submit': error } });
    const { call } = platform.requireMp<{ call: Call }>('services/api');
    await expect(call('bindings.submit', { name: '王小明', studentNo: 'x', collegeId: 'c' })).resolves.toEqual(error);
  });

  it('turns a failed cloud call into the network error', async () => {
    const platform = stubPlatform({ responses: { 'me.get': OFFLINE } });
    const { call } = platform.requireMp<{ call: Call }>('services/api');
    await expect(call('me.get', {})).resolves.toEqual(NETWORK);
  });

  it('turns a reply that is not an envelope into the network error', async () => {
    const platform = stubPlatform({
      responses: { 'me.get': [undefined, 'Bad Gateway', { ok: false }, { data: 1 }] as never },
    });
    const { call } = platform.requireMp<{ call: Call }>('services/api');
    for (let i = 0; i < 4; i++) await expect(call('me.get', {})).resolves.toEqual(NETWORK);
  });

  it('in local mode posts to the emulator function host as the configured persona', async () => {
    const platform = stubPlatform({ transport: 'local', responses: { 'me.get': [ok(ME_UNBOUND), OFFLINE] } });
    const { call } = platform.requireMp<{ call: Call }>('services/api');
    await expect(call('me.get', {})).resolves.toEqual(ok(ME_UNBOUND));
    expect(platform.calls).toEqual([{ action: 'me.get', input: {}, transport: 'local', openid: 'local-student' }]);
    await expect(call('me.get', {})).resolves.toEqual(NETWORK);
  });
});
