import { act, render, screen } from '@testing-library/react';
import zhTW from '../../../locales/zh-TW.json';
import { i18n } from '../i18n';
import { DisplayName, displayName, loadTraditionalConverter } from '../display-name';

const centre = { name: '益邻社区服务中心', nameEn: 'Yilin Community Service Centre' };

describe('displayName', () => {
  it('should give English readers the English alias, and the stored name when there is none', () => {
    expect(displayName(centre, 'en')).toBe('Yilin Community Service Centre');
    expect(displayName({ name: '玉林小馆', nameEn: null }, 'en')).toBe('玉林小馆');
    expect(displayName({ name: '玉林小馆', nameEn: '  ' }, 'en')).toBe('玉林小馆');
  });

  it('should give zh-CN readers the name as stored, alias or not', () => {
    expect(displayName(centre, 'zh-CN')).toBe('益邻社区服务中心');
    expect(displayName('为独居老人送午餐', 'zh-CN')).toBe('为独居老人送午餐');
  });

  it('should write names in Traditional characters for zh-TW with OpenCC, keeping their own words', async () => {
    const convert = await loadTraditionalConverter();
    expect(displayName(centre, 'zh-TW', convert)).toBe('益鄰社區服務中心');
    expect(displayName('武侯区城市管理局', 'zh-TW', convert)).toBe('武侯區城市管理局');
    expect(displayName('玉林北路社区第10网格', 'zh-TW', convert)).toBe('玉林北路社區第10網格');
    // Words that differ by meaning in Traditional script come out right (干净 → 乾淨, 头发 → 頭髮).
    expect(displayName('干净的头发', 'zh-TW', convert)).toBe('乾淨的頭髮');
  });

  it('should show nothing for a missing name', () => {
    expect(displayName(null, 'en')).toBe('');
    expect(displayName(undefined, 'zh-TW')).toBe('');
  });
});

describe('DisplayName', () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage('en'));
  });

  it('should show the English alias in English', () => {
    render(<DisplayName of={centre} />);
    expect(screen.getByText('Yilin Community Service Centre')).toBeInTheDocument();
  });

  it('should show a Simplified name in Traditional characters once a zh-TW reader has the converter', async () => {
    i18n.addResourceBundle('zh-TW', 'translation', zhTW, true, true);
    await act(() => i18n.changeLanguage('zh-TW'));
    render(<DisplayName of={{ name: '玉林街道商家联盟', nameEn: 'Yulin Street Merchant Alliance' }} />);
    expect(await screen.findByText('玉林街道商家聯盟')).toBeInTheDocument();
  });
});
