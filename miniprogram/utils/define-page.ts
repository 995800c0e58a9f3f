/**
 * Pages are built with Component() (so miniprogram-simulate can load them) and typed as pages.
 * `TVars` is the page's non-render state, kept on `this` rather than in `data` so setData stays small:
 *
 *   definePage<{ nextPage: number }>()({ data: {...}, methods: { onLoad() { this.nextPage = 1; } } });
 */

// biome-ignore lint/complexity/noBannedTypes: the typings' own "nothing here" for properties and instance fields
type None = {};

type Options<
  TData extends WechatMiniprogram.Component.DataOption,
  TMethod extends WechatMiniprogram.Component.MethodOption,
  TVars extends WechatMiniprogram.IAnyObject,
> = WechatMiniprogram.Component.Options<TData, None, TMethod, [], TVars, true>;

export function definePage<TVars extends WechatMiniprogram.IAnyObject = None>() {
  return <
    TData extends WechatMiniprogram.Component.DataOption,
    TMethod extends WechatMiniprogram.Component.MethodOption,
  >(
    options: Options<TData, TMethod, TVars>,
  ): string => Component<TData, None, TMethod, [], TVars, true>(options);
}
