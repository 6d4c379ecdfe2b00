import { DEFAULT_LOCALE, Locale, LOCALES } from '@civicgrid/contracts';

export type Channel = 'IN_APP' | 'SMS' | 'EMAIL';
export const CHANNELS: readonly Channel[] = ['IN_APP', 'SMS', 'EMAIL'];

/** The words of one kind in one language. `{name}` takes a parameter; `{name:when}` formats an instant. */
export interface Template {
  title: string;
  body: string;
  /** at most 70 characters in Chinese once filled (one SMS); defaults to the body */
  sms?: string;
}

export interface NotificationKind {
  /** e.g. CLAIM_PROMOTED */
  kind: string;
  /** urgent kinds reach people during quiet hours too */
  urgent?: boolean;
  /** channels when the person chose none for this kind */
  defaultChannels: Channel[];
  /**
   * A secret for the person alone (a sign-in code): sent on its default channels whatever
   * their preferences (and not listed among them), never copied to proxies, and its
   * parameters are cleared once it is sent.
   */
  secret?: boolean;
  templates: Record<Locale, Template>;
}

export type Params = Record<string, string | number | null | undefined>;

/** Shanghai time, the way each language writes a date and time. */
const WHEN: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
  'zh-TW': new Intl.DateTimeFormat('zh-TW', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false }),
};

export function fill(text: string, params: Params, locale: Locale): string {
  return text.replace(/\{(\w+)(?::(when))?\}/g, (_m, name: string, format?: string) => {
    const v = params[name];
    if (v === null || v === undefined) return '';
    if (format === 'when') {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? '' : WHEN[locale].format(d);
    }
    return String(v);
  });
}

export function localeOf(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

/**
 * The kinds of notification and their words, registered by the contexts that send
 * them (each knows what its events mean to people). One registry per app.
 */
export class NotificationKinds {
  private readonly kinds = new Map<string, NotificationKind>();

  register(...kinds: NotificationKind[]): void {
    for (const k of kinds) {
      if (this.kinds.has(k.kind)) throw new Error(`notification kind ${k.kind} registered twice`);
      for (const locale of LOCALES) if (!k.templates[locale]) throw new Error(`notification kind ${k.kind} has no ${locale} words`);
      this.kinds.set(k.kind, k);
    }
  }

  get(kind: string): NotificationKind {
    const k = this.kinds.get(kind);
    if (!k) throw new Error(`unknown notification kind ${kind}`);
    return k;
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  all(): NotificationKind[] {
    return [...this.kinds.values()];
  }

  render(kind: string, params: Params, locale: Locale): { title: string; body: string; sms: string } {
    const t = this.get(kind).templates[locale];
    return { title: fill(t.title, params, locale), body: fill(t.body, params, locale), sms: fill(t.sms ?? t.body, params, locale) };
  }
}
