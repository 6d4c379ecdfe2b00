import { LOCALES } from '@civicgrid/contracts';
import { COMMUNITY_KINDS } from '@civicgrid/community';
import { CERTIFICATE_KINDS, HONOUR_KINDS, LEDGER_KINDS, REWARD_KINDS } from '@civicgrid/incentives';
import { NotificationKinds, PASSWORD_RESET_KINDS } from '@civicgrid/notifications';
import { ORGANIZATION_KINDS } from '@civicgrid/organizations';
import { STAFFING_KINDS } from '@civicgrid/staffing';
import { SERVICE_HOURS_KINDS, VOLUNTEERING_KINDS } from '@civicgrid/volunteering';

/** The longest a parameter is likely to be in a text: a 10-character task title, an organisation's name, a time. */
const SAMPLE = {
  task: '为独居老人送午餐一次',
  organization: '益邻社区服务中心',
  alliance: '玉林街道商家联盟',
  grid: '玉林北路社区第10网格',
  need: '楼道灯坏了要修理',
  startsAt: '2026-12-05T03:00:00.000Z',
  previousStartsAt: '2026-12-04T03:00:00.000Z',
  minutes: 120,
  message: '明天集合地点改到社区活动室。',
  short: '明天集合地点改到社区活动室。',
  servedOn: '2026-12-01',
  reason: '当天签到表上没有这位志愿者的签名。',
  code: '123456',
  office: '玉林街道办事处',
  recipient: '益邻社区服务中心',
  issuer: '周敏',
  donor: '王小明',
  points: 12000,
  note: '祝您身体健康',
  transfers: 3,
  accounts: 2,
  level: 5,
  hours: 1500,
  title: '2026年度优秀志愿者',
  serial: 'CG-2026-000123',
  holder: '欧阳小明',
  publicityEndsAt: '2026-12-08T03:00:00.000Z',
  merchant: '玉林小馆',
  reward: '免费咖啡一杯',
};
const SIGNATURE = '【共建网格】';

describe('notification words', () => {
  const kinds = new NotificationKinds();
  kinds.register(...ORGANIZATION_KINDS, ...VOLUNTEERING_KINDS, ...SERVICE_HOURS_KINDS, ...COMMUNITY_KINDS, ...STAFFING_KINDS, ...PASSWORD_RESET_KINDS, ...LEDGER_KINDS, ...HONOUR_KINDS, ...CERTIFICATE_KINDS, ...REWARD_KINDS);

  it.each(kinds.all().map((k) => k.kind))('should fit the Chinese SMS of %s in one message of 70 characters, signature included', (kind) => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      const { sms } = kinds.render(kind, SAMPLE, locale);
      expect([...(SIGNATURE + sms)].length).toBeLessThanOrEqual(70);
    }
  });

  it.each(kinds.all().map((k) => k.kind))('should leave no placeholder unfilled in any language for %s', (kind) => {
    for (const locale of LOCALES) {
      const text = kinds.render(kind, SAMPLE, locale);
      expect(`${text.title} ${text.body} ${text.sms}`).not.toMatch(/[{}]/);
    }
  });
});
