/**
 * Per-invocation environment. wx-server-sdk reads the caller's identity from process.env at call time
 * (getWXContext copies the WX_* variables named in WX_CONTEXT_KEYS), and the node SDK stamps every
 * database request with TCB_SEQID. A real CloudBase container serves one invocation at a time; this
 * process serves many at once, so process.env becomes a view that overlays the variables of the
 * invocation whose async context is running. Production code runs unmodified.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<Record<string, string>>();
let installed = false;

export function installInvocationEnv(): void {
  if (installed) return;
  installed = true;
  const base = process.env;
  process.env = new Proxy(base, {
    get(target, key) {
      const overlay = current.getStore();
      if (typeof key === 'string' && overlay && Object.hasOwn(overlay, key)) return overlay[key];
      return Reflect.get(target, key);
    },
    has(target, key) {
      const overlay = current.getStore();
      return (typeof key === 'string' && !!overlay && Object.hasOwn(overlay, key)) || Reflect.has(target, key);
    },
    ownKeys(target) {
      const overlay = current.getStore();
      return [...new Set([...Reflect.ownKeys(target), ...Object.keys(overlay ?? {})])];
    },
    // Without this trap a write through the proxy re-defines an existing variable with a bare {value} descriptor,
    // which Node's process.env refuses (a second emulator in the same process would fail to start).
    set(target, key, value) {
      return Reflect.set(target, key, value);
    },
    getOwnPropertyDescriptor(target, key) {
      const overlay = current.getStore();
      if (typeof key === 'string' && overlay && Object.hasOwn(overlay, key)) {
        return { value: overlay[key], writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** Runs `fn` with `vars` visible in process.env for everything it awaits. */
export function withInvocationEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  installInvocationEnv();
  return current.run(vars, fn);
}
