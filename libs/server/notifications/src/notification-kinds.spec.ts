import { fill, NotificationKinds } from './notification-kinds';
import { nextSendTime } from './notifications.service';

const HOUR = 3_600_000;
/** A Date that reads `hh:mm` in Shanghai on 1 December 2026. */
const shanghai = (hh: number, mm = 0) => new Date(Date.UTC(2026, 11, 1, hh - 8, mm));

describe('nextSendTime', () => {
  const quiet = { start: 22 * 60, end: 7 * 60 };
  it.each<[string, Date, Date]>([
    ['at 10:00, outside the quiet hours', shanghai(10), shanghai(10)],
    ['at 21:59', shanghai(21, 59), shanghai(21, 59)],
    ['at 22:00, when they start', shanghai(22), new Date(shanghai(7).getTime() + 24 * HOUR)],
    ['at 23:30', shanghai(23, 30), new Date(shanghai(7).getTime() + 24 * HOUR)],
    ['at 03:00, after midnight', shanghai(3), shanghai(7)],
    ['at 07:00, when they end', shanghai(7), shanghai(7)],
  ])('should send %s at the right time', (_label, now, at) => {
    expect(nextSendTime(now, quiet).toISOString()).toBe(at.toISOString());
  });

  it('should wait within a window that does not cross midnight', () => {
    expect(nextSendTime(shanghai(13), { start: 12 * 60, end: 14 * 60 }).toISOString()).toBe(shanghai(14).toISOString());
  });

  it('should never wait when the window is empty', () => {
    expect(nextSendTime(shanghai(23), { start: 0, end: 0 }).toISOString()).toBe(shanghai(23).toISOString());
  });
});

describe('fill', () => {
  it('should put parameters in and write instants in Shanghai time in each language', () => {
    const params = { task: '送午餐', startsAt: '2026-12-05T03:00:00.000Z' };
    expect(fill('{task} {startsAt:when}', params, 'zh-CN')).toBe('送午餐 12/5 11:00');
    expect(fill('{task} {startsAt:when}', params, 'en')).toBe('送午餐 Sat 5 Dec, 11:00');
    expect(fill('{missing}!', {}, 'en')).toBe('!');
  });
});

describe('NotificationKinds', () => {
  it('should refuse a kind without words in every language, and a kind registered twice', () => {
    const kinds = new NotificationKinds();
    const words = { title: 't', body: 'b' };
    expect(() => kinds.register({ kind: 'X', defaultChannels: ['IN_APP'], templates: { 'zh-CN': words, en: words } as never })).toThrow(/zh-TW/);
    kinds.register({ kind: 'Y', defaultChannels: ['IN_APP'], templates: { 'zh-CN': words, 'zh-TW': words, en: words } });
    expect(() => kinds.register({ kind: 'Y', defaultChannels: ['IN_APP'], templates: { 'zh-CN': words, 'zh-TW': words, en: words } })).toThrow(/twice/);
  });
});
