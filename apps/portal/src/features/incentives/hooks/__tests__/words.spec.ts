import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Currency, RedemptionStatus, RewardStatus, TransferKind } from '../../../../gql/graphql';
import { CURRENCIES, INCENTIVE_ERROR_KEYS, REDEMPTION_STATUSES, REWARD_STATUSES, TRANSFER_KINDS } from '../words';

// Each list holds every value of the schema's enum: `npm run typecheck` fails otherwise.
type Exhaustive<All extends string, Listed extends string> = [Exclude<All, Listed>] extends [never] ? true : never;
const checked: [
  Exhaustive<TransferKind, (typeof TRANSFER_KINDS)[number]>,
  Exhaustive<RewardStatus, (typeof REWARD_STATUSES)[number]>,
  Exhaustive<RedemptionStatus, (typeof REDEMPTION_STATUSES)[number]>,
  Exhaustive<Currency, (typeof CURRENCIES)[number]>,
] = [true, true, true, true];

type Tree = { [k: string]: string | Tree };
const load = (l: string): Tree => JSON.parse(readFileSync(path.join(__dirname, '../../../../locales', `${l}.json`), 'utf8'));
const has = (t: Tree, key: string) => typeof key.split('.').reduce<Tree | string | undefined>((n, k) => (n && typeof n === 'object' ? n[k] : undefined), t) === 'string';

describe('incentive words', () => {
  it.each(['en', 'zh-CN', 'zh-TW'])('should name every ledger kind, status, currency and refusal in %s', (locale) => {
    const tree = load(locale);
    const wanted = [
      ...TRANSFER_KINDS.map((k) => `incentives.kind.${k}`),
      ...REWARD_STATUSES.map((s) => `incentives.rewardStatus.${s}`),
      ...REDEMPTION_STATUSES.map((s) => `incentives.redemptionStatus.${s}`),
      ...CURRENCIES.map((c) => `incentives.currency.${c}`),
      ...INCENTIVE_ERROR_KEYS.map((k) => `incentives.errors.${k.replace(/[^A-Za-z0-9]+/g, '_')}`),
    ];
    expect(checked).toEqual([true, true, true, true]);
    expect(wanted.filter((k) => !has(tree, k))).toEqual([]);
  });
});
