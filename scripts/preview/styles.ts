/**
 * The stylesheets a preview page carries besides the simulator's compiled CSS: font aliases onto the
 * CJK font Debian ships, an approximation of WeChat's built-in component styles, the drawn phone
 * chrome (status bar, navigation bar, capsule, tab bar, native toast/modal), and TDesign icons as
 * CSS masks from @iconify-json/tdesign (TDesign's icon font is remote and not shipped).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SCREEN = { width: 375, height: 812, statusBar: 44, navBar: 44, tabBar: 50, safeBottom: 34 } as const;

/** Debian `fonts-wqy-microhei`; the names below are what TDesign and typical pages ask for. */
const CJK = 'WenQuanYi Micro Hei';
const CJK_MONO = 'WenQuanYi Micro Hei Mono';
const SANS_ALIASES = [
  'PingFang SC',
  'PingFang',
  'Microsoft YaHei',
  'Microsoft YaHei UI',
  'Hiragino Sans GB',
  'Source Han Sans CN',
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Helvetica Neue',
  'Helvetica',
  'Arial',
  'Arial Regular',
  '-apple-system',
  '-apple-system-font',
  'BlinkMacSystemFont',
  'Segoe UI',
  'Roboto',
  'TCloudNumber',
  'UICTFontTextStyleBody',
];
const MONO_ALIASES = [
  'SF Mono',
  'Monaco',
  'Cascadia Code',
  'Roboto Mono',
  'Consolas',
  'Courier New',
  'Source Code Pro',
];

export function fontCss(): string {
  const face = (family: string, local: string) => `@font-face{font-family:"${family}";src:local("${local}");}`;
  return [...SANS_ALIASES.map((f) => face(f, CJK)), ...MONO_ALIASES.map((f) => face(f, CJK_MONO))].join('\n');
}

/**
 * WeChat's built-in components, hand-approximated (the platform's own styles are not published).
 * Attributes `pv-*` are the properties patches.ts mirrors onto the elements.
 */
export const BASE_CSS = `
html,body{margin:0;padding:0;}
html{-webkit-text-size-adjust:100%;}
body{width:${SCREEN.width}px;font-family:"PingFang SC",sans-serif;font-size:16px;color:#000;background:#fff;
  -webkit-font-smoothing:antialiased;overflow:hidden;}
*,*::before,*::after{animation-delay:0s!important;animation-play-state:paused!important;transition:none!important;caret-color:transparent!important;}
page{display:block;min-height:100%;font-size:16px;}
main{display:block;}
wx-view,wx-scroll-view,wx-swiper,wx-swiper-item,wx-movable-area,wx-movable-view,wx-cover-view,wx-form,wx-navigator,
wx-picker,wx-picker-view,wx-picker-view-column,wx-root-portal,wx-page-container,wx-sticky-header,wx-sticky-section,
wx-grid-view,wx-list-view,wx-match-media{display:block;}
wx-text,wx-label,wx-rich-text{display:inline;}
wx-text{white-space:pre-line;}
wx-scroll-view{overflow:hidden;}
wx-swiper{position:relative;height:150px;overflow:hidden;}
wx-swiper-item{width:100%;height:100%;overflow:hidden;}
wx-swiper-item+wx-swiper-item{display:none;}
wx-page-meta,wx-navigation-bar{display:none;}
wx-cover-image{display:inline-block;}
wx-image{display:inline-block;position:relative;overflow:hidden;width:320px;height:240px;line-height:0;}
wx-canvas{display:block;width:300px;height:150px;line-height:0;}
wx-canvas>img.pv-canvas{display:block;width:100%;height:100%;}
wx-image>img{display:block;width:100%;height:100%;object-fit:fill;}
wx-image[pv-mode="aspectFit"]>img{object-fit:contain;}
wx-image[pv-mode="aspectFill"]>img{object-fit:cover;}
wx-image[pv-mode="widthFix"]{height:auto;}
wx-image[pv-mode="widthFix"]>img{height:auto;}
wx-image[pv-mode="heightFix"]{width:auto;}
wx-image[pv-mode="heightFix"]>img{width:auto;}
wx-image[pv-mode="center"]>img,wx-image[pv-mode="top"]>img,wx-image[pv-mode="bottom"]>img{object-fit:none;}
wx-image>.pv-missing{position:absolute;inset:0;background:#e7e7e7;}
wx-image>.pv-missing::after{content:"";position:absolute;left:50%;top:50%;width:40%;height:40%;max-width:32px;max-height:32px;
  transform:translate(-50%,-50%);background:#bbb;-webkit-mask:var(--pv-image-icon) center/contain no-repeat;}
wx-input{display:block;height:1.4rem;min-height:1.4rem;line-height:1.4rem;overflow:hidden;text-overflow:clip;white-space:nowrap;}
wx-textarea{display:block;width:300px;height:150px;overflow:hidden;white-space:pre-wrap;word-break:break-all;}
wx-textarea[pv-auto-height]{height:auto;min-height:1.4rem;}
.pv-placeholder{color:#808080;}
wx-input[pv-disabled],wx-textarea[pv-disabled]{color:rgba(0,0,0,.3);}
wx-switch{display:inline-block;position:relative;width:52px;height:32px;border-radius:16px;background:#e5e5e5;vertical-align:middle;}
wx-switch::after{content:"";position:absolute;top:2px;left:2px;width:28px;height:28px;border-radius:50%;background:#fff;
  box-shadow:0 1px 3px rgba(0,0,0,.4);}
wx-switch[pv-checked]{background:var(--pv-color,#04be02);}
wx-switch[pv-checked]::after{left:22px;}
wx-checkbox,wx-radio{display:inline-block;vertical-align:middle;}
wx-checkbox::before,wx-radio::before{content:"";display:inline-block;vertical-align:middle;width:22px;height:22px;margin-right:5px;
  box-sizing:border-box;border:1px solid #d1d1d1;border-radius:3px;background:#fff;}
wx-radio::before{border-radius:50%;}
wx-checkbox[pv-checked]::before,wx-radio[pv-checked]::before{border-color:var(--pv-color,#09bb07);
  background:radial-gradient(circle,var(--pv-color,#09bb07) 45%,#fff 50%);}
wx-progress{display:flex;align-items:center;}
.pv-progress-bar{flex:1;background:#ebebeb;}
.pv-progress-fill{height:100%;background:#09bb07;}
.pv-progress-info{margin-left:15px;font-size:16px;}
`;

/**
 * The built-in button, in the look app.json selects. `"style": "v2"` (WeChat 7's restyle) gives every button
 * that is not `size="mini"` a fixed 184 px width through `button:not([size=mini])`, which outranks a single
 * class: TDesign's t-button passes no `size` to its inner button, so with v2 every t-button is 184 px wide,
 * `block` ones included. TDesign's docs tell apps to drop `"style": "v2"` for this reason.
 */
export function buttonCss(style: string | undefined): string {
  const common =
    'wx-button{position:relative;display:block;margin-left:auto;margin-right:auto;box-sizing:border-box;text-align:center;' +
    'text-decoration:none;overflow:hidden;-webkit-tap-highlight-color:transparent;}\n' +
    // The hairline border is drawn by ::after at 200% scaled to 50%; TDesign styles its borders through it.
    'wx-button::after{content:" ";position:absolute;top:0;left:0;width:200%;height:200%;border:1px solid rgba(0,0,0,.2);' +
    'transform:scale(.5);transform-origin:0 0;box-sizing:border-box;border-radius:10px;}';
  if (style === 'v2') {
    return `${common}
wx-button{padding:8px 24px;font-size:17px;font-weight:700;line-height:1.41176471;border-radius:8px;color:#06ae56;background-color:#f2f2f2;}
wx-button:not([pv-size="mini"]){width:184px;margin-left:auto;margin-right:auto;}
wx-button[pv-type="primary"]{color:#fff;background-color:#07c160;}
wx-button[pv-type="warn"]{color:#fa5151;background-color:#f2f2f2;}
wx-button[pv-size="mini"]{display:inline-block;padding:0 .75em;line-height:2;font-size:16px;}
wx-button[pv-plain]{background-color:transparent;border:1px solid currentColor;}
wx-button[pv-disabled]{color:rgba(0,0,0,.18);background-color:#fafafa;}`;
  }
  return `${common}
wx-button{padding-left:14px;padding-right:14px;font-size:18px;line-height:2.55555556;border-radius:5px;color:#000;background-color:#f8f8f8;}
wx-button[pv-type="primary"]{color:#fff;background-color:#1aad19;}
wx-button[pv-type="warn"]{color:#fff;background-color:#e64340;}
wx-button[pv-size="mini"]{display:inline-block;line-height:2.3;font-size:13px;padding:0 1.34em;}
wx-button[pv-plain]{color:#353535;border:1px solid #353535;background-color:transparent;}
wx-button[pv-plain]::after{border-width:0;}
wx-button[pv-disabled]{color:rgba(0,0,0,.3);background-color:#f7f7f7;}`;
}

/** The phone around the page: status bar, navigation bar with capsule, tab bar, native overlays. */
export const CHROME_CSS = `
.pv-screen{position:relative;width:${SCREEN.width}px;height:${SCREEN.height}px;overflow:hidden;display:flex;flex-direction:column;background:var(--pv-window-bg,#fff);}
html.pv-full .pv-screen{height:auto;min-height:${SCREEN.height}px;}
.pv-status{flex:none;height:${SCREEN.statusBar}px;display:flex;align-items:center;justify-content:space-between;padding:0 26px 0 32px;
  font:600 15px/1 "PingFang SC",sans-serif;box-sizing:border-box;}
.pv-status-right{display:flex;gap:5px;align-items:center;}
.pv-bars{display:flex;gap:2px;align-items:flex-end;height:11px;}
.pv-bars i{display:block;width:3px;background:currentColor;border-radius:1px;}
.pv-battery{width:22px;height:11px;border:1px solid currentColor;border-radius:3px;opacity:.9;position:relative;box-sizing:border-box;}
.pv-battery::after{content:"";position:absolute;left:1px;top:1px;right:4px;bottom:1px;background:currentColor;border-radius:1px;}
.pv-nav{flex:none;position:relative;height:${SCREEN.navBar}px;display:flex;align-items:center;justify-content:center;
  font:600 17px/1 "PingFang SC",sans-serif;}
.pv-nav-title{max-width:180px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;}
.pv-nav-back{position:absolute;left:12px;top:12px;width:12px;height:12px;border-left:2.5px solid currentColor;border-bottom:2.5px solid currentColor;transform:rotate(45deg) translate(3px,-1px);}
.pv-capsule{position:absolute;right:7px;top:${SCREEN.statusBar + 4}px;width:87px;height:32px;box-sizing:border-box;border-radius:16px;
  border:.5px solid rgba(0,0,0,.12);background:rgba(255,255,255,.6);display:flex;align-items:center;z-index:1000;color:#000;}
.pv-capsule.pv-light{border-color:rgba(255,255,255,.25);background:rgba(0,0,0,.15);color:#fff;}
.pv-capsule-dots,.pv-capsule-close{flex:1;display:flex;justify-content:center;align-items:center;gap:3px;}
.pv-capsule-dots i{display:block;width:4px;height:4px;border-radius:50%;background:currentColor;}
.pv-capsule-dots i:nth-child(2){width:6px;height:6px;}
.pv-capsule-sep{width:.5px;height:18px;background:currentColor;opacity:.2;}
.pv-capsule-close i{display:block;width:14px;height:14px;border-radius:50%;border:2px solid currentColor;box-sizing:border-box;position:relative;}
.pv-capsule-close i::after{content:"";position:absolute;left:2.5px;top:2.5px;width:5px;height:5px;border-radius:50%;background:currentColor;}
.pv-viewport{flex:1;position:relative;overflow:hidden;transform:translateZ(0);background:var(--pv-window-bg,#fff);}
html.pv-full .pv-viewport{flex:none;overflow:visible;}
.pv-viewport>page{min-height:100%;}
.pv-tabbar{flex:none;display:flex;height:${SCREEN.tabBar}px;padding-bottom:${SCREEN.safeBottom}px;border-top:.5px solid rgba(0,0,0,.15);}
.pv-tab{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font:10px/1.2 "PingFang SC",sans-serif;gap:3px;}
.pv-tab img{width:24px;height:24px;}
.pv-tab-dot{width:24px;height:24px;border-radius:6px;border:1.5px solid currentColor;box-sizing:border-box;opacity:.6;}
.pv-home-indicator{position:absolute;left:50%;bottom:8px;width:134px;height:5px;margin-left:-67px;border-radius:3px;background:#000;z-index:1001;}
.pv-mask{position:absolute;inset:0;z-index:2000;display:flex;align-items:center;justify-content:center;}
.pv-mask.pv-dim{background:rgba(0,0,0,.6);}
.pv-toast{min-width:120px;max-width:168px;min-height:120px;box-sizing:border-box;padding:20px 12px 14px;border-radius:12px;background:rgba(17,17,17,.7);
  color:#fff;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:10px;font:17px/1.4 "PingFang SC",sans-serif;text-align:center;}
.pv-toast.pv-text-only{min-height:0;max-width:240px;padding:12px 16px;font-size:15px;}
.pv-toast-icon{width:40px;height:40px;background:#fff;-webkit-mask:var(--pv-toast-icon) center/contain no-repeat;}
.pv-modal{width:320px;border-radius:12px;background:#fff;overflow:hidden;text-align:center;font-family:"PingFang SC",sans-serif;}
.pv-modal-title{padding:32px 24px 0;font-size:17px;font-weight:700;}
.pv-modal-content{padding:16px 24px 32px;font-size:17px;line-height:1.4;color:rgba(0,0,0,.5);white-space:pre-line;}
.pv-modal-title+.pv-modal-content{padding-top:16px;}
.pv-modal-buttons{display:flex;border-top:.5px solid rgba(0,0,0,.1);height:56px;}
.pv-modal-buttons span{flex:1;display:flex;align-items:center;justify-content:center;font-size:17px;font-weight:700;color:#576b95;}
.pv-modal-buttons span+span{border-left:.5px solid rgba(0,0,0,.1);}
.pv-modal-buttons .pv-cancel{color:#000;}
`;

const svgUri = (body: string, w = 24, h = 24) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">${body}</svg>`)}")`;

interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
  width?: number;
  height?: number;
}

let iconSet: IconSet | null = null;
function icons(): IconSet {
  if (!iconSet)
    iconSet = JSON.parse(readFileSync(require.resolve('@iconify-json/tdesign/icons.json'), 'utf8')) as IconSet;
  return iconSet;
}

/** The SVG (as a CSS url()) for a TDesign icon name, or null when @iconify-json/tdesign has no such icon. */
export function iconUrl(name: string): string | null {
  const set = icons();
  let icon = set.icons[name];
  if (!icon && set.aliases?.[name]) icon = set.icons[set.aliases[name].parent];
  if (!icon) return null;
  return svgUri(icon.body, icon.width ?? set.width ?? 24, icon.height ?? set.height ?? 24);
}

let fontNames: Set<string> | null = null;
/** The icon names TDesign's own (remote) icon font has a glyph for, read from its icon.wxss. */
function tdesignFontNames(): Set<string> {
  if (!fontNames) {
    const wxss = path.join(
      path.dirname(require.resolve('tdesign-miniprogram/package.json')),
      'miniprogram_dist/icon/icon.wxss',
    );
    const css = existsSync(wxss) ? readFileSync(wxss, 'utf8') : '';
    fontNames = new Set([...css.matchAll(/\.t-icon-([a-z0-9-]+):before/g)].map((m) => m[1]));
  }
  return fontNames;
}

/** TDesign renders `<label class="t-icon-<name> t-icon-base">` (prefixed `t-icon--` by the simulator). */
export const ICON_CLASS = /^t-icon--t-icon-(.+)$/;

/**
 * Mask rules for the icon names a page uses. Unknown names get a visible red dashed box and are reported:
 * `notTDesign` ones are blank on a phone too (a page bug); `unknown` ones exist in TDesign's font but not in
 * the SVG set (a preview limitation).
 */
export function iconCss(names: Iterable<string>): { css: string; unknown: string[]; notTDesign: string[] } {
  const rules = [
    '.t-icon--t-icon-base{width:1em;height:1em;background-color:currentColor;}',
    '.t-icon--t-icon-base::before{content:none!important;}',
  ];
  const unknown: string[] = [];
  const notTDesign: string[] = [];
  const font = tdesignFontNames();
  for (const name of [...new Set(names)].sort()) {
    if (name === 'base') continue;
    const url = iconUrl(name);
    if (font.size && !font.has(name)) notTDesign.push(name);
    if (!url) {
      if (!font.size || font.has(name)) unknown.push(name);
      rules.push(`.t-icon--t-icon-${cssEscape(name)}{background:none;outline:1px dashed #d54941;outline-offset:-1px;}`);
      continue;
    }
    rules.push(
      `.t-icon--t-icon-${cssEscape(name)}{-webkit-mask:${url} center/100% 100% no-repeat;mask:${url} center/100% 100% no-repeat;}`,
    );
  }
  return { css: rules.join('\n'), unknown, notTDesign };
}

function cssEscape(s: string): string {
  return s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

/** CSS custom properties the chrome and the rewritten units refer to. */
export function rootVarsCss(vars: { vh: number; safeBottom: number; windowBg: string }): string {
  const image = iconUrl('image') ?? 'none';
  const check = iconUrl('check') ?? 'none';
  return `:root{--pv-vh:${vars.vh}px;--pv-safe-bottom:${vars.safeBottom}px;--pv-window-bg:${vars.windowBg};--pv-image-icon:${image};--pv-toast-icon:${check};}`;
}

/**
 * Units the browser would read differently from the phone: `vh` is the page window there (not the whole
 * 812 px screen), the safe-area insets are 0 in a desktop browser, and a built-in is a `wx-` element.
 */
export function adaptUnits(css: string): string {
  return (
    css
      // A `canvas` tag selector (TDesign's qrcode sizes its canvas with one) reaches the canvas as on a phone.
      .replace(/(^|[{};,\s>+~])canvas(?=[\s,{.:#[>+~])/g, '$1wx-canvas')
      .replace(/(-?(?:\d+\.\d+|\.\d+|\d+))vh\b/g, (_m, n: string) => `calc(${n} * var(--pv-vh))`)
      .replace(/(?:env|constant)\(\s*safe-area-inset-bottom\s*\)/g, 'var(--pv-safe-bottom)')
      .replace(/(?:env|constant)\(\s*safe-area-inset-(?:top|left|right)\s*\)/g, '0px')
  );
}

/** Remote fonts and images would be fetched (and fail) offline; TDesign's icon font is the main one. */
export function stripRemote(css: string): string {
  return css
    .replace(/@font-face\s*\{[^}]*\}/g, (block) => (/url\(\s*['"]?https?:/.test(block) ? '' : block))
    .replace(/url\(\s*(['"]?)https?:[^)]*\)/g, 'none');
}
