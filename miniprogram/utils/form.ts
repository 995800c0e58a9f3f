/**
 * What the form pages (培训项目, 培训场次, 讲师) share: a text field typed into, and an option chosen in a picker.
 * Used as page methods, so `this` is the page.
 */

type FieldInput = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>;

/** A text field (`data-field`): its value goes to `form.<field>` and clears `errors.<field>`. */
export function onFieldInput(this: { setData(data: Record<string, unknown>): void }, e: FieldInput): void {
  const field = e.currentTarget.dataset.field;
  this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
}

/** The option a picker's confirm chose, if it is still among `options`. */
export function pickedOption<T extends { value: string }>(
  options: readonly T[],
  e: WechatMiniprogram.CustomEvent<{ value: string[] }>,
): T | undefined {
  return options.find((o) => o.value === e.detail.value[0]);
}
