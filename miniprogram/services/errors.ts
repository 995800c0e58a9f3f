/**
 * The one way pages show an API error: field messages next to their inputs where the error has them, otherwise a
 * toast with the Chinese message.
 */
import type { ApiError, ErrorCode } from '../../typings/errors';

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
 * Show `error`. The messages for `fields` (paths as the server reports them, e.g. `studentNo`; a field also takes
 * the paths below it, so `subjects` collects `subjects.3.name`) are returned for display next to those inputs; a
 * field the page does not show goes into the toast instead. `codeFields` names the field a domain code is about
 * (e.g. OBJECTION_EMPTY -> `text`): that field then shows the code's own message.
 */
export function showError<K extends string>(
  error: ApiError,
  fields: readonly K[] = [],
  codeFields: Partial<Record<ErrorCode, K>> = {},
): FieldErrors<K> {
  const shown: FieldErrors<K> = {};
  const unshown: string[] = [];
  const byCode = codeFields[error.code];
  if (byCode) {
    shown[byCode] = error.message;
  } else if (error.fields) {
    for (const [path, message] of Object.entries(error.fields)) {
      const key = fields.find((f) => path === f || path.startsWith(`${f}.`));
      if (key) shown[key] ??= message;
      else if (error.code === 'BAD_INPUT') unshown.push(message);
    }
  }
  // When every message sits next to its field, a generic toast on top only repeats it.
  const allBesideFields = Object.keys(shown).length > 0 && unshown.length === 0;
  if (!allBesideFields) toast(unshown.length ? unshown[0] : errorText(error));
  return shown;
}
