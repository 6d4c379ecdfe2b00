import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TASK_CATEGORIES } from '@civicgrid/contracts';
import { LANGUAGES, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, ORGANIZATION_KINDS, SKILLS } from '../src/lib/catalog/catalog';

const dir = path.join(__dirname, '../src/locales');
const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [k: string]: string | Tree };
const load = (l: string): Tree => JSON.parse(readFileSync(path.join(dir, `${l}.json`), 'utf8'));

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
/** `board.results_one` and `board.results_other` both count as `board.results`. */
const base = (k: string) => k.replace(PLURAL, '');
const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))])) as Record<string, Map<string, string>>;
const keys = (l: string) => new Set([...flat[l].keys()].map(base));

function sourceFiles(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) return f === 'gql' || f === 'locales' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(f) && !/\.spec\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('locale files', () => {
  it('should hold exactly the locale files zh-CN, zh-TW and en', () => {
    expect(readdirSync(dir).sort()).toEqual(['en.json', 'zh-CN.json', 'zh-TW.json']);
  });

  it.each(LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => [a, b])))('should have every key of %s in %s', (a, b) => {
    const missing = [...keys(a)].filter((k) => !keys(b).has(k));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('should have no empty message in %s', (l) => {
    const empty = [...flat[l]].filter(([, v]) => !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('should use the same {{placeholders}} in every language', () => {
    const problems: string[] = [];
    for (const [k, v] of flat['zh-CN']) {
      for (const l of ['zh-TW', 'en']) {
        const other = flat[l].get(k) ?? flat[l].get(`${k}_other`);
        if (other !== undefined && vars(other).join() !== vars(v).join()) problems.push(`${l}:${k}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should define every literal key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(__dirname, '../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.-]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/'(createTask\.[A-Za-z0-9_.]+)'/g)) used.add(m[1]);
    }
    for (const l of LOCALES) {
      const missing = [...used].filter((k) => !keys(l).has(k));
      expect({ locale: l, missing }).toEqual({ locale: l, missing: [] });
    }
  });

  it('should name every code the portal shows: categories, skills, statuses, kinds, error codes', () => {
    const wanted = [
      ...TASK_CATEGORIES.map((c) => `category.${c}`),
      ...SKILLS.map((s) => `skill.${s}`),
      ...LANGUAGES.map((s) => `language.${s}`),
      ...ORGANIZATION_KINDS.map((k) => `orgKind.${k}`),
      ...NOTIFICATION_KINDS.map((k) => `notificationKind.${k}`),
      ...NOTIFICATION_CHANNELS.map((c) => `notificationSettings.channel.${c}`),
      ...['SMS', 'EMAIL'].map((c) => `devMessages.channel.${c}`),
      ...['OWNER', 'ADMIN', 'COORDINATOR', 'MEMBER'].map((r) => `memberRole.${r}`),
      ...['CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL', 'CHECKED_IN', 'ATTENDED', 'CANCELLED', 'REJECTED', 'NO_SHOW'].flatMap((s) => [`claimStatus.${s}`, `claim.own.${s}`]),
      ...['CONFIRMED', 'WAITLISTED', 'PENDING_APPROVAL'].flatMap((s) => [`claim.outcome.${s}`, `claim.outcomeFor.${s}`, `party.outcome.${s}`]),
      ...['PENDING', 'VERIFIED', 'REJECTED'].map((s) => `serviceStatus.${s}`),
      ...['DRAFT', 'PUBLISHED', 'CLOSED', 'COMPLETED', 'CANCELLED'].map((s) => `taskStatus.${s}`),
      ...['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL', 'NETWORK'].map((c) => `errors.codes.${c}`),
      ...['phone_taken', 'auth_badCredentials', 'shift_full', 'claim_duplicate', 'email_invalid', 'message_tooMany', 'message_shiftOrTask'].map((k) => `errors.keys.${k}`),
      // What changing, cancelling and signing up together may answer.
      ...['shift_capacityBelowPlacesTaken', 'shift_started', 'shift_cancelled', 'task_shiftUnderway', 'task_copy_startsInPast', 'claim_tooYoung', 'claim_birthDateRequired', 'claim_missingSkills', 'party_notYours', 'dependant_adult'].map((k) => `errors.keys.${k}`),
      ...LOCALES.map((l) => `localeName.${l}`),
    ];
    for (const l of LOCALES) {
      const missing = wanted.filter((k) => !keys(l).has(k));
      expect({ locale: l, missing }).toEqual({ locale: l, missing: [] });
    }
  });
});
