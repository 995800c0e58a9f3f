/**
 * What miniprogram-simulate / j-component get wrong for a faithful picture, patched once on the
 * simulator instance the component-test harness then loads pages with:
 * - rpx: both turn 1rpx into 1px; a 375 px wide screen is 750rpx, so 1rpx = 0.5px.
 * - `class` on a TDesign component (virtualHost, `externalClasses: ['class']`) is dropped by j-component.
 * - built-in `image`, `input`, `textarea` (and a few more) are registered as empty `<slot/>` shells: re-register
 *   them with their properties, reflected to DOM attributes the serializer turns into pixels; images fire `load`.
 * A `<canvas type="2d">` is not patched here: its recording stub (tests/component/canvas.ts) serves the component
 * tests too, and leaves a `pv-canvas` picture of what was drawn for the serializer.
 */

// biome-ignore lint/suspicious/noExplicitAny: the simulator modules are untyped CommonJS.
type Any = any;

/** rpx -> px at 375 px per 750rpx. Numbers keep up to 3 decimals so the CSS stays stable run to run. */
export function rpxToPx(css: string): string {
  return css.replace(
    /(-?(?:\d+\.\d+|\.\d+|\d+))rpx\b/gi,
    (_m, n: string) => `${+(Number.parseFloat(n) / 2).toFixed(3)}px`,
  );
}

export interface SimModules {
  simUtils: Any;
  jComponent: Any;
  jUtils: Any;
  exparser: Any;
}

export function applyPatches(m: SimModules): void {
  m.simUtils.transformRpx = rpxToPx;
  m.jUtils.transformRpx = (style: string) => rpxToPx(style);
  patchVirtualHostClass(m.exparser);
  registerBuiltins(m.jComponent, m.exparser);
}

/** j-component assigns `node.class = value`, which a virtual host has no element for: route it to the external class. */
function patchVirtualHostClass(exparser: Any): void {
  let proto = exparser.Component.prototype;
  let desc = Object.getOwnPropertyDescriptor(proto, 'class');
  while (proto && !desc) {
    proto = Object.getPrototypeOf(proto);
    desc = proto ? Object.getOwnPropertyDescriptor(proto, 'class') : undefined;
  }
  if (!desc?.set || (desc.set as Any).__preview) return;
  const set = desc.set;
  const patched = function (this: Any, value: string) {
    if (this.__virtual && typeof this.hasExternalClass === 'function' && this.hasExternalClass('class')) {
      this.setExternalClass('class', value ?? '');
    }
    set.call(this, value);
  };
  (patched as Any).__preview = true;
  Object.defineProperty(proto, 'class', { ...desc, set: patched });
}

type PropDef = { type: Any; value?: unknown };

/** Built-ins whose look depends on their properties; each property is mirrored to a DOM attribute. */
const BUILTINS: Record<string, Record<string, PropDef>> = {
  image: { src: { type: String, value: '' }, mode: { type: String, value: 'scaleToFill' } },
  input: {
    value: { type: null, value: '' },
    placeholder: { type: String, value: '' },
    placeholderClass: { type: String, value: '' },
    placeholderStyle: { type: String, value: '' },
    password: { type: Boolean, value: false },
    type: { type: String, value: 'text' },
    disabled: { type: Boolean, value: false },
  },
  textarea: {
    value: { type: null, value: '' },
    placeholder: { type: String, value: '' },
    placeholderClass: { type: String, value: '' },
    placeholderStyle: { type: String, value: '' },
    disabled: { type: Boolean, value: false },
    autoHeight: { type: Boolean, value: false },
  },
  button: {
    type: { type: String, value: 'default' },
    size: { type: String, value: 'default' },
    plain: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    loading: { type: Boolean, value: false },
  },
  switch: {
    checked: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    type: { type: String, value: 'switch' },
    color: { type: String, value: '#04BE02' },
  },
  checkbox: {
    checked: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    color: { type: String, value: '' },
  },
  radio: {
    checked: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    color: { type: String, value: '' },
  },
  progress: {
    percent: { type: Number, value: 0 },
    showInfo: { type: Boolean, value: false },
    strokeWidth: { type: Number, value: 6 },
    activeColor: { type: String, value: '#09BB07' },
    backgroundColor: { type: String, value: '#EBEBEB' },
  },
  'rich-text': { nodes: { type: null, value: '' } },
};

const dash = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Classes in `placeholder-class` are written in the owner's scope: give them the owner's prefix as exparser does. */
function ownerPrefix(node: Any, exparser: Any): string {
  try {
    const host = node.ownerShadowRoot?.getHostNode?.();
    const prefix = host ? exparser.Component.getComponentOptions(host)?.classPrefix : '';
    return prefix ? `${prefix}--` : '';
  } catch {
    return '';
  }
}

function reflect(caller: Any, exparser: Any, tag: string): void {
  const el = caller.$$ as HTMLElement | null;
  if (!el) return;
  const props = BUILTINS[tag];
  for (const key of Object.keys(props)) {
    const v = caller.data[key];
    const attr = `pv-${dash(key)}`;
    if (key === 'nodes') continue;
    if (v === false || v === null || v === undefined || (v === '' && key !== 'value')) el.removeAttribute(attr);
    else if (v === true) el.setAttribute(attr, '');
    else if (key === 'placeholderClass') {
      const p = ownerPrefix(caller, exparser);
      el.setAttribute(
        attr,
        String(v)
          .split(/\s+/)
          .filter(Boolean)
          .map((c) => p + c)
          .join(' '),
      );
    } else el.setAttribute(attr, String(v));
  }
  if (tag === 'rich-text') renderRichText(el, caller.data.nodes);
}

/** rich-text `nodes`: an HTML string or the node array form. Scripts and handlers never survive. */
function renderRichText(el: HTMLElement, nodes: unknown): void {
  const doc = el.ownerDocument;
  el.textContent = '';
  const build = (list: unknown[], parent: Node) => {
    for (const n of list as Array<Record<string, Any>>) {
      if (!n) continue;
      if (n.type === 'text') parent.appendChild(doc.createTextNode(String(n.text ?? '')));
      else if (typeof n.name === 'string' && /^[a-z][a-z0-9-]*$/i.test(n.name) && n.name !== 'script') {
        const child = doc.createElement(n.name);
        for (const [k, v] of Object.entries((n.attrs ?? {}) as Record<string, unknown>)) {
          if (!/^on/i.test(k)) child.setAttribute(k, String(v));
        }
        build(n.children ?? [], child);
        parent.appendChild(child);
      }
    }
  };
  if (typeof nodes === 'string') {
    const tpl = doc.createElement('template');
    tpl.innerHTML = nodes;
    for (const s of Array.from(tpl.content.querySelectorAll('script'))) s.remove();
    el.appendChild(tpl.content);
  } else if (Array.isArray(nodes)) build(nodes, el);
}

function registerBuiltins(jComponent: Any, exparser: Any): void {
  for (const [tag, props] of Object.entries(BUILTINS)) {
    const properties: Record<string, Any> = {};
    for (const [key, def] of Object.entries(props)) {
      properties[key] = {
        type: def.type,
        value: def.value,
        observer(this: Any) {
          reflect(this, exparser, tag);
          if (tag === 'image' && key === 'src') fireImageLoad(this);
        },
      };
    }
    jComponent.register({
      id: tag,
      tagName: `wx-${tag}`,
      template: '<slot/>',
      properties,
      lifetimes: {
        attached(this: Any) {
          reflect(this, exparser, tag);
          if (tag === 'image') fireImageLoad(this);
        },
      },
    });
  }
}

/** The platform fires `load` once an image has decoded; TDesign's t-image and t-avatar stay blank until it does. */
function fireImageLoad(caller: Any): void {
  if (!caller.data.src) return;
  Promise.resolve().then(() => caller.triggerEvent('load', { width: 240, height: 240 }));
}
