import type { ThemeConfig } from 'antd';

/**
 * Normal mode: antd's look with a darker blue and greys, so every text meets WCAG AA.
 * Elder mode (适老化): 20px base text, 48px controls, black on white and a deep blue
 * (contrast ≥ 7:1 everywhere), firm borders.
 */
export function themeFor(elder: boolean): ThemeConfig {
  if (!elder) {
    return {
      token: {
        colorPrimary: '#1d4ed8',
        colorLink: '#1d4ed8',
        // Hover shades darken rather than lighten, so hovered text keeps its contrast.
        colorPrimaryHover: '#1e40af',
        colorLinkHover: '#1e40af',
        colorTextTertiary: '#595959',
        colorTextDescription: '#595959',
        colorTextPlaceholder: '#595959',
        colorError: '#c41d1d',
        colorSuccess: '#237804',
        colorWarning: '#ad4e00',
        borderRadius: 8,
        fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif',
      },
      components: { Tabs: { itemHoverColor: '#1e40af', itemActiveColor: '#1e3a8a' } },
    };
  }
  return {
    token: {
      colorPrimary: '#00307a',
      colorLink: '#00307a',
      colorPrimaryHover: '#002459',
      colorLinkHover: '#002459',
      colorText: '#000000',
      colorTextSecondary: '#1a1a1a',
      colorTextTertiary: '#262626',
      colorTextDescription: '#262626',
      colorTextPlaceholder: '#4d4d4d',
      colorBorder: '#4d4d4d',
      colorBorderSecondary: '#8c8c8c',
      colorError: '#a8071a',
      colorSuccess: '#135200',
      colorWarning: '#6b3d00',
      colorInfo: '#00307a',
      colorSuccessBg: '#f6ffed',
      colorSuccessBorder: '#135200',
      colorErrorBg: '#fff1f0',
      colorErrorBorder: '#a8071a',
      colorWarningBg: '#fff7e6',
      colorWarningBorder: '#6b3d00',
      colorInfoBg: '#eef4ff',
      colorInfoBorder: '#00307a',
      fontSize: 20,
      fontSizeSM: 18,
      fontSizeLG: 22,
      fontSizeHeading1: 32,
      fontSizeHeading2: 28,
      fontSizeHeading3: 24,
      fontSizeHeading4: 22,
      fontSizeHeading5: 20,
      lineHeight: 1.6,
      controlHeight: 48,
      controlHeightSM: 48,
      controlHeightLG: 56,
      lineWidth: 2,
      borderRadius: 8,
      fontFamily: '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", Roboto, sans-serif',
    },
    components: {
      Button: { fontWeight: 600, contentFontSize: 20, contentFontSizeLG: 22 },
      Tag: { defaultBg: '#ffffff' },
      Menu: { itemHeight: 56 },
      Tabs: { itemHoverColor: '#002459', itemActiveColor: '#002459' },
    },
  };
}
