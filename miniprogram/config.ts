/**
 * Where the mini-program sends its API calls.
 *
 * - `cloud` (default, and the only mode for a release): `wx.cloud.callFunction({ name: 'api' })` in `env`.
 * - `local`: POST to the local CloudBase emulator's function host (`npm start`), as the persona `localOpenid`.
 *   Use it in the developer tools with "不校验合法域名" ticked (详情 → 本地设置). The emulator trusts the
 *   `x-lingyan-openid` header only because it is local; production identity comes from the WeChat context.
 *
 * Switch by editing `mode` here; never ship with `local`.
 */
export interface AppConfig {
  mode: 'cloud' | 'local';
  /** CloudBase environment id; `wx.cloud.DYNAMIC_CURRENT_ENV` follows the env the tools are set to. */
  env: string;
  localUrl: string;
  /** Which seeded person the local emulator treats you as. */
  localOpenid: string;
  /** Milliseconds before a call counts as a network failure. */
  timeoutMs: number;
}

export const config: AppConfig = {
  mode: 'cloud',
  env: '',
  localUrl: 'http://127.0.0.1:3900',
  localOpenid: 'local-student',
  timeoutMs: 10_000,
};
