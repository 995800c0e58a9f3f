/**
 * The platform's own UI a page can summon (toast, loading, modal, navigation bar title) and the screen
 * metrics TDesign measures. The component-test harness stubs calls and navigation; this layer adds what a
 * picture needs: it records what is on screen so the serializer can draw it, and reports a 375 × 812 phone.
 */

export interface NativeUi {
  toast: { title: string; icon: string } | null;
  loading: { title: string } | null;
  modal: { title: string; content: string; confirmText: string; cancelText: string; showCancel: boolean } | null;
  navigationBarTitle: string | null;
}

export function newNativeUi(): NativeUi {
  return { toast: null, loading: null, modal: null, navigationBarTitle: null };
}

type Wx = Record<string, unknown>;
interface Callbacks {
  success?: (res: unknown) => void;
  complete?: (res: unknown) => void;
}

const RAW = Symbol('preview.rawWx');

const windowInfo = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 812,
  statusBarHeight: 44,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  screenTop: 0,
};
const baseInfo = { SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16 };
const deviceInfo = { brand: 'devtools', model: 'iPhone X', system: 'iOS 16.0', platform: 'ios', pixelRatio: 2 };

const done = (name: string, opts?: Callbacks) => {
  const res = { errMsg: `${name}:ok` };
  setTimeout(() => {
    opts?.success?.(res);
    opts?.complete?.(res);
  }, 0);
  return Promise.resolve(res);
};

/**
 * Put a recording layer over the global `wx` for one render. The harness assigns its own `showToast` on each
 * load; the proxy wraps whatever is assigned so the toast's icon and title are seen too.
 */
export function installNativeUi(ui: NativeUi): void {
  const g = globalThis as unknown as { wx: Wx & { [RAW]?: Wx } };
  const raw: Wx = g.wx?.[RAW] ?? g.wx ?? {};
  const wrapToast = (fn: unknown) => (opts: { title?: string; icon?: string }) => {
    ui.toast = { title: opts?.title ?? '', icon: opts?.icon ?? 'success' };
    return typeof fn === 'function' ? fn(opts) : undefined;
  };
  const wrapHideToast = (fn: unknown) => (opts?: unknown) => {
    ui.toast = null;
    return typeof fn === 'function' ? fn(opts) : undefined;
  };
  Object.assign(raw, {
    getWindowInfo: () => ({ ...windowInfo }),
    getAppBaseInfo: () => ({ ...baseInfo }),
    getDeviceInfo: () => ({ ...deviceInfo }),
    getSystemInfoSync: () => ({ ...windowInfo, ...baseInfo, ...deviceInfo }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 366, bottom: 80, left: 279 }),
    showLoading(opts: Callbacks & { title?: string }) {
      ui.loading = { title: opts?.title ?? '' };
      return done('showLoading', opts);
    },
    hideLoading(opts?: Callbacks) {
      ui.loading = null;
      return done('hideLoading', opts);
    },
    showModal(opts: {
      title?: string;
      content?: string;
      confirmText?: string;
      cancelText?: string;
      showCancel?: boolean;
    }) {
      ui.modal = {
        title: opts?.title ?? '',
        content: opts?.content ?? '',
        confirmText: opts?.confirmText ?? '确定',
        cancelText: opts?.cancelText ?? '取消',
        showCancel: opts?.showCancel !== false,
      };
      // The picture freezes the page with the modal open: nobody has tapped yet, so it never settles.
      return new Promise(() => {});
    },
    setNavigationBarTitle(opts: Callbacks & { title?: string }) {
      ui.navigationBarTitle = opts?.title ?? '';
      return done('setNavigationBarTitle', opts);
    },
  });
  g.wx = new Proxy(raw, {
    get: (t, k) => (k === RAW ? t : t[k as string]),
    set: (t, k, v) => {
      t[k as string] = k === 'showToast' ? wrapToast(v) : k === 'hideToast' ? wrapHideToast(v) : v;
      return true;
    },
  }) as Wx;
}
