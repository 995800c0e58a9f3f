/** The one way pages show an API error: a toast with the Chinese message; BAD_INPUT also yields field messages. */
import type { ApiError } from '../../typings/errors';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The text a person reads for an error; an INTERNAL failure carries the id under which it was logged. */
export function errorText(error: ApiError): string {
  if (error.id && !error.message.includes(error.id)) return `${error.message}（编号 ${error.id}）`;
  return error.message;
}

export function toast(title: string): void {
  wx.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * Show `error`. For BAD_INPUT, the messages for `fields` (paths as the server reports them, e.g. `studentNo`) are
 * returned for display next to those inputs; a field the page does not show goes into the toast instead.
 */
export function showError<K extends string>(error: ApiError, fields: readonly K[] = []): FieldErrors<K> {
  const shown: FieldErrors<K> = {};
  const unshown: string[] = [];
  if (error.code === 'BAD_INPUT' && error.fields) {
    for (const [path, message] of Object.entries(error.fields)) {
      const key = (fields as readonly string[]).includes(path) ? (path as K) : null;
      if (key) shown[key] = message;
      else unshown.push(message);
    }
  }
  toast(unshown.length ? unshown[0] : errorText(error));
  return shown;
}
