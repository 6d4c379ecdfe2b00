import type { TFunction } from 'i18next';

/** One reason of a match score, as the API gives it (`detail` is `key=value;key=value`). */
export interface MatchReasonLike {
  code: string;
  weight: number;
  detail?: string | null;
}

/** `matched=FIRST_AID,COOKING;missing=` → { matched: 'FIRST_AID,COOKING', missing: '' } (values percent-decoded). */
export function parseReasonDetail(detail: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!detail) return out;
  for (const pair of detail.split(';')) {
    const i = pair.indexOf('=');
    if (i <= 0) continue;
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

const decode = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

/** A list value (`A,B`) as decoded items; empty for an empty value. */
export function detailList(value: string | undefined): string[] {
  return value ? value.split(',').filter(Boolean).map(decode) : [];
}

const PARTS = ['night', 'morning', 'afternoon', 'evening'];

/**
 * One reason in words, or null when it says nothing worth showing (no skill asked for,
 * availability unknown, a start far away…). Skills, languages and weekdays are translated.
 */
export function reasonPhrase(t: TFunction, reason: MatchReasonLike): string | null {
  const d = parseReasonDetail(reason.detail);
  const sep = t('common.listSeparator');
  const skill = (c: string) => t(`skill.${c}`, { defaultValue: c });
  switch (reason.code) {
    case 'DISTANCE': {
      const km = Number(d.distanceKm);
      return Number.isFinite(km) ? t('reason.distance', { km: km.toFixed(1) }) : null;
    }
    case 'SKILL_MATCH': {
      if (d.required === 'none') return null;
      const matched = detailList(d.matched);
      const missing = detailList(d.missing);
      const parts: string[] = [];
      if (matched.length) parts.push(t('reason.skillHas', { skills: matched.map(skill).join(sep) }));
      if (missing.length) parts.push(t('reason.skillMissing', { skills: missing.map(skill).join(sep) }));
      return parts.length ? parts.join(t('reason.separator')) : null;
    }
    case 'AVAILABILITY': {
      if (!d.covered || d.covered === 'unknown') return null;
      const covered = Number(d.covered);
      const weekday = Number(d.weekday);
      if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6 || !PARTS.includes(d.part)) return null;
      const when = t(`reason.dayPart.${d.part}`, { day: t(`weekday.${weekday}`) });
      if (covered >= 0.999) return t('reason.free', { when });
      if (covered > 0) return t('reason.partlyFree', { when });
      return t('reason.notFree', { when });
    }
    case 'URGENCY': {
      const hours = Number(d.startsInHours);
      if (!Number.isFinite(hours) || hours > 72) return null;
      return hours < 1 ? t('reason.startsSoon') : t('reason.startsIn', { count: Math.round(hours) });
    }
    case 'FAIRNESS': {
      const minutes = Number(d.verifiedMinutes30d);
      if (!Number.isFinite(minutes)) return null;
      return minutes === 0 ? t('reason.noRecentService') : t('reason.recentService', { hours: Math.round((minutes / 60) * 10) / 10 });
    }
    case 'RELIABILITY': {
      if (!d.attendanceRate || d.attendanceRate === 'unknown') return t('reason.newcomer');
      const rate = Number(d.attendanceRate);
      return Number.isFinite(rate) ? t('reason.attendance', { percent: Math.round(rate * 100) }) : null;
    }
    case 'LANGUAGE': {
      if (!d.wanted || d.wanted === 'none') return null;
      const language = t(`language.${decode(d.wanted)}`, { defaultValue: decode(d.wanted) });
      return d.spoken === 'true' ? t('reason.speaks', { language }) : t('reason.doesNotSpeak', { language });
    }
    default:
      return null;
  }
}

/** The reasons read in order as one sentence: "2.1 km away · has First aid · free on Saturday mornings". */
export function reasonSentence(t: TFunction, reasons: readonly MatchReasonLike[], max = 4): string {
  return reasons
    .map((r) => reasonPhrase(t, r))
    .filter((p): p is string => Boolean(p))
    .slice(0, max)
    .join(t('reason.separator'));
}

/** A score in [0, 1] as a whole percentage for people. */
export function scorePercent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}
