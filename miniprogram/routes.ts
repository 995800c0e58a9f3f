/**
 * Every page in one place. `tab` pages are listed in app.json tabBar and opened with switchTab; the rest with
 * navigateTo. A new tab (公示, 培训) is one entry in app.json tabBar.list and one entry here with `tab: true`
 * (tests/component/app-shell.test.ts checks the two agree).
 */
export const PAGES = {
  home: { url: '/pages/home/index', tab: true },
  me: { url: '/pages/me/index', tab: true },
  binding: { url: '/pages/binding/index', tab: false },
  bindingReview: { url: '/packages/admin/bindings/index', tab: false },
} as const;

export type PageName = keyof typeof PAGES;

export function go(name: PageName): void {
  const { url, tab } = PAGES[name];
  if (tab) wx.switchTab({ url });
  else wx.navigateTo({ url });
}
