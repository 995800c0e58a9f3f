/**
 * Turns the rendered jsdom tree into one standalone HTML document: the simulator's compiled CSS, app.wxss,
 * the base stylesheet for `wx-*` elements, icon masks, fonts and the drawn phone chrome. No external
 * resource is referenced: local images are inlined as data URIs, remote ones drawn as placeholders.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NativeUi } from './native-ui';
import {
  adaptUnits,
  BASE_CSS,
  buttonCss,
  CHROME_CSS,
  fontCss,
  ICON_CLASS,
  iconCss,
  iconUrl,
  rootVarsCss,
  SCREEN,
  stripRemote,
} from './styles';

export interface WindowConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'white' | 'black';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
}

export interface TabBarConfig {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  custom?: boolean;
  list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
}

export interface SerializeInput {
  /** The rendered page's root element (miniprogram-simulate's `<main>`). */
  pageEl: Element;
  /** Compiled CSS, in cascade order (simulator output first, app styles after). */
  css: string[];
  /** The mini-program root, to inline local images. */
  root: string;
  /** The page route, e.g. `pages/me/me`. */
  route: string;
  window: WindowConfig;
  tabBar: TabBarConfig | null;
  ui: NativeUi;
  /** app.json `style` ("v2" switches the built-in components to WeChat 7's look). */
  componentStyle?: string;
  /** Whether to draw status bar, navigation bar, capsule and tab bar (true for screenshots). */
  chrome: boolean;
}

export interface SerializeOutput {
  html: string;
  /** Visible text of the page and overlays, whitespace collapsed (what tests assert on). */
  text: string;
  warnings: string[];
  iconsUsed: string[];
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

function inlineImage(src: string, root: string, route: string): string | null {
  if (src.startsWith('data:')) return src;
  if (/^(https?:|cloud:|wxfile:)/.test(src) || src.startsWith('//')) return null;
  const file = src.startsWith('/') ? path.join(root, src) : path.join(root, path.dirname(route), src);
  const mime = MIME[path.extname(file).toLowerCase()];
  if (!mime || !existsSync(file)) return null;
  return `data:${mime};base64,${readFileSync(file).toString('base64')}`;
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** Give the mirrored properties of built-ins their pixels (see patches.ts). */
function materializeBuiltins(rootEl: Element, root: string, route: string, warnings: string[]): void {
  const doc = rootEl.ownerDocument;
  for (const img of Array.from(rootEl.querySelectorAll('wx-image'))) {
    const src = img.getAttribute('pv-src');
    if (!src) continue;
    const uri = inlineImage(src, root, route);
    if (uri) {
      const el = doc.createElement('img');
      el.setAttribute('src', uri);
      el.setAttribute('alt', '');
      img.appendChild(el);
    } else {
      if (!/^(https?:|cloud:)/.test(src)) warnings.push(`image not found: ${src}`);
      const el = doc.createElement('span');
      el.className = 'pv-missing';
      img.appendChild(el);
    }
  }
  // A 2d canvas: what the recording canvas (tests/component/canvas.ts) was drawn with, as an SVG filling the element.
  for (const canvas of Array.from(rootEl.querySelectorAll('wx-canvas[pv-canvas]'))) {
    const el = doc.createElement('img');
    el.setAttribute('src', canvas.getAttribute('pv-canvas') ?? '');
    el.setAttribute('alt', '');
    el.className = 'pv-canvas';
    canvas.appendChild(el);
  }
  for (const input of Array.from(rootEl.querySelectorAll('wx-input, wx-textarea'))) {
    const value = input.getAttribute('pv-value') ?? '';
    if (value !== '') {
      const shown = input.hasAttribute('pv-password') ? '•'.repeat([...value].length) : value;
      input.appendChild(doc.createTextNode(shown));
    } else {
      const placeholder = input.getAttribute('pv-placeholder');
      if (!placeholder) continue;
      const span = doc.createElement('span');
      span.className = `pv-placeholder ${input.getAttribute('pv-placeholder-class') ?? ''}`.trim();
      const style = input.getAttribute('pv-placeholder-style');
      if (style) span.setAttribute('style', style);
      span.textContent = placeholder;
      input.appendChild(span);
    }
  }
  for (const el of Array.from(
    rootEl.querySelectorAll('wx-switch[pv-color], wx-checkbox[pv-color], wx-radio[pv-color]'),
  )) {
    (el as HTMLElement).style.setProperty('--pv-color', el.getAttribute('pv-color') ?? '');
  }
  for (const p of Array.from(rootEl.querySelectorAll('wx-progress'))) {
    const percent = Math.max(0, Math.min(100, Number(p.getAttribute('pv-percent') ?? 0)));
    const bar = doc.createElement('span');
    bar.className = 'pv-progress-bar';
    bar.setAttribute(
      'style',
      `height:${Number(p.getAttribute('pv-stroke-width') ?? 6)}px;background:${p.getAttribute('pv-background-color') ?? '#ebebeb'}`,
    );
    const fill = doc.createElement('span');
    fill.className = 'pv-progress-fill';
    fill.setAttribute(
      'style',
      `display:block;width:${percent}%;background:${p.getAttribute('pv-active-color') ?? '#09bb07'}`,
    );
    bar.appendChild(fill);
    p.appendChild(bar);
    if (p.hasAttribute('pv-show-info')) {
      const info = doc.createElement('span');
      info.className = 'pv-progress-info';
      info.textContent = `${percent}%`;
      p.appendChild(info);
    }
  }
}

/** Attributes that only feed the serializer; dropping them keeps the HTML smaller and the diff of two runs clean. */
function stripPreviewAttrs(rootEl: Element): void {
  for (const el of Array.from(rootEl.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (
        a.name.startsWith('pv-') &&
        a.name !== 'pv-mode' &&
        !['pv-checked', 'pv-type', 'pv-size', 'pv-plain', 'pv-disabled', 'pv-auto-height'].includes(a.name)
      ) {
        el.removeAttribute(a.name);
      }
    }
  }
}

function collectIcons(rootEl: Element): string[] {
  const names = new Set<string>();
  for (const el of Array.from(rootEl.querySelectorAll('[class*="t-icon--t-icon-"]'))) {
    for (const c of Array.from(el.classList)) {
      const m = ICON_CLASS.exec(c);
      if (m && m[1] !== 'base') names.add(m[1]);
    }
  }
  return [...names].sort();
}

function statusBar(): string {
  return `<div class="pv-status"><span>9:41</span><span class="pv-status-right"><span class="pv-bars"><i style="height:4px"></i><i style="height:6px"></i><i style="height:8px"></i><i style="height:11px"></i></span><span class="pv-battery"></span></span></div>`;
}

function capsule(light: boolean): string {
  return `<div class="pv-capsule${light ? ' pv-light' : ''}"><span class="pv-capsule-dots"><i></i><i></i><i></i></span><span class="pv-capsule-sep"></span><span class="pv-capsule-close"><i></i></span></div>`;
}

function tabBarHtml(tab: TabBarConfig, route: string, root: string): string {
  const items = tab.list
    .map((item) => {
      const selected = item.pagePath === route;
      const icon = selected ? (item.selectedIconPath ?? item.iconPath) : item.iconPath;
      const uri = icon ? inlineImage(icon.startsWith('/') ? icon : `/${icon}`, root, route) : null;
      const color = selected ? (tab.selectedColor ?? '#07c160') : (tab.color ?? '#7a7e83');
      const img = uri ? `<img src="${uri}" alt="">` : '<span class="pv-tab-dot"></span>';
      return `<div class="pv-tab" style="color:${esc(color)}">${img}<span>${esc(item.text)}</span></div>`;
    })
    .join('');
  return `<div class="pv-tabbar" style="background:${esc(tab.backgroundColor ?? '#f7f7f7')}">${items}</div>`;
}

function overlays(ui: NativeUi): string {
  if (ui.modal) {
    const m = ui.modal;
    const buttons = `${m.showCancel ? `<span class="pv-cancel">${esc(m.cancelText)}</span>` : ''}<span>${esc(m.confirmText)}</span>`;
    return `<div class="pv-mask pv-dim"><div class="pv-modal">${m.title ? `<div class="pv-modal-title">${esc(m.title)}</div>` : ''}<div class="pv-modal-content">${esc(m.content)}</div><div class="pv-modal-buttons">${buttons}</div></div></div>`;
  }
  const toast = ui.loading ? { title: ui.loading.title, icon: 'loading' } : ui.toast;
  if (!toast) return '';
  const icon =
    toast.icon === 'none' ? '' : toast.icon === 'error' ? 'close' : toast.icon === 'loading' ? 'loading' : 'check';
  const iconStyle = icon && iconUrl(icon) ? ` style="--pv-toast-icon:${iconUrl(icon)}"` : '';
  return `<div class="pv-mask"><div class="pv-toast${icon ? '' : ' pv-text-only'}">${icon ? `<span class="pv-toast-icon"${iconStyle}></span>` : ''}<span>${esc(toast.title)}</span></div></div>`;
}

/** Text nodes joined with spaces, so that neighbouring blocks do not run into one word. */
function visibleText(el: Element): string {
  const parts: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  return parts.join(' ');
}

export function serialize(input: SerializeInput): SerializeOutput {
  const warnings: string[] = [];
  const pageEl = input.pageEl.cloneNode(true) as Element;
  materializeBuiltins(pageEl, input.root, input.route, warnings);
  stripPreviewAttrs(pageEl);
  const iconsUsed = collectIcons(pageEl);
  const icons = iconCss(iconsUsed);
  for (const name of icons.notTDesign) warnings.push(`icon "${name}" is not a TDesign icon: blank on a phone too`);
  for (const name of icons.unknown) warnings.push(`icon "${name}" has no SVG in @iconify-json/tdesign (preview only)`);

  const w = input.window;
  const custom = w.navigationStyle === 'custom';
  // Tab pages sit above the tab bar; other pages were opened with navigateTo and show a back arrow.
  const isTabPage = !!input.tabBar?.list.some((t) => t.pagePath === input.route);
  const tab = input.tabBar && !input.tabBar.custom && isTabPage ? input.tabBar : null;
  const top = input.chrome ? SCREEN.statusBar + (custom ? 0 : SCREEN.navBar) : 0;
  const windowTop = input.chrome && custom ? 0 : top;
  const bottom = input.chrome && tab ? SCREEN.tabBar + SCREEN.safeBottom : 0;
  const windowHeight = SCREEN.height - windowTop - bottom;
  const navBg = w.navigationBarBackgroundColor ?? '#000000';
  const navFg = w.navigationBarTextStyle === 'black' ? '#000' : '#fff';
  const title = input.ui.navigationBarTitle ?? w.navigationBarTitleText ?? '';

  const css = [
    fontCss(),
    rootVarsCss({
      vh: windowHeight / 100,
      safeBottom: tab ? 0 : SCREEN.safeBottom,
      windowBg: w.backgroundColor ?? '#ffffff',
    }),
    BASE_CSS,
    buttonCss(input.componentStyle),
    CHROME_CSS,
    ...input.css.map((c) => adaptUnits(stripRemote(c))),
    icons.css,
  ].join('\n');

  const pageHtml = `<page>${pageEl.outerHTML}</page>`;
  let body: string;
  if (input.chrome) {
    const header = custom
      ? ''
      : `<div class="pv-nav" style="background:${esc(navBg)};color:${navFg}">${isTabPage ? '' : '<span class="pv-nav-back"></span>'}<span class="pv-nav-title">${esc(title)}</span></div>`;
    // A custom navigation page draws under the status bar itself; the status bar floats over it.
    const status = `<div style="${custom ? 'position:absolute;left:0;right:0;top:0;z-index:999;' : ''}background:${custom ? 'transparent' : esc(navBg)};color:${custom ? '#000' : navFg}">${statusBar()}</div>`;
    body = `<div class="pv-screen">${status}${header}<div class="pv-viewport">${pageHtml}</div>${tab ? tabBarHtml(tab, input.route, input.root) : ''}${capsule(!custom && navFg === '#fff')}${overlays(input.ui)}<div class="pv-home-indicator"></div></div>`;
  } else {
    body = `${pageHtml}${overlays(input.ui)}`;
  }
  const html = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=${SCREEN.width}"><title>${esc(title)}</title><style>\n${css}\n</style></head><body>${body}</body></html>\n`;

  const overlayText = input.ui.modal
    ? `${input.ui.modal.title} ${input.ui.modal.content}`
    : (input.ui.loading?.title ?? input.ui.toast?.title ?? '');
  const text = `${title} ${visibleText(pageEl)} ${overlayText}`.replace(/\s+/g, ' ').trim();
  return { html, text, warnings, iconsUsed };
}
