import type { GlobalThemeOverrides } from 'naive-ui'

/**
 * One calm look shared by the app and by the detached message/notification layer
 * (createDiscreteApi renders outside the app's own config provider, so it needs the same overrides).
 * Fonts name CJK faces present on Windows and Linux so Chinese text never falls back to a bitmap font.
 */
export const FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif'

export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: '#2f6f8f',
    primaryColorHover: '#3b84a8',
    primaryColorPressed: '#255a75',
    primaryColorSuppl: '#3b84a8',
    fontFamily: FONT_FAMILY,
    fontSize: '14px',
    fontSizeMedium: '14px',
    borderRadius: '4px',
    bodyColor: '#f4f6f8',
  },
  Layout: {
    siderColor: '#1f3b4d',
    headerColor: '#ffffff',
  },
  Menu: {
    itemTextColorInverted: '#c9d6df',
    itemTextColorHoverInverted: '#ffffff',
    itemTextColorActiveInverted: '#ffffff',
    itemColorActiveInverted: '#2f6f8f',
    itemColorActiveHoverInverted: '#3b84a8',
  },
  DataTable: {
    thColor: '#f0f3f6',
  },
}
