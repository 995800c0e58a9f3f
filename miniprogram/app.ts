import { config } from './config';

App({
  onLaunch() {
    if (config.mode === 'cloud') {
      // An empty env follows the environment selected in the developer tools.
      wx.cloud.init(config.env ? { env: config.env, traceUser: true } : { traceUser: true });
    }
  },
});
