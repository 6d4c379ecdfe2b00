import { Injectable } from '@nestjs/common';
import { authorize, Clock, InvalidInputError, RequestContext, TransactionRunner } from '@civicgrid/platform';

/**
 * The privacy notice residents accept at sign-up. Its words live with the clients (in
 * each language); a new version of the words gets a new version here, and sign-ups
 * must name the version they showed.
 */
export const PRIVACY_NOTICE = { version: '2026-12-01', publishedAt: new Date('2026-12-01T00:00:00Z') } as const;

/** What a resident agreed to when signing up. */
export interface ConsentData {
  privacyNoticeVersion: string;
  termsAccepted: boolean;
  /** optional: whether we may contact them by SMS about volunteering near them */
  contactBySms?: boolean | null;
}

export interface ConsentRecord {
  id: string;
  userId: string;
  privacyNoticeVersion: string;
  termsAccepted: boolean;
  contactBySms: boolean;
  recordedAt: Date;
}

interface Row {
  id: string;
  user_id: string;
  privacy_notice_version: string;
  terms_accepted: boolean;
  choices: { contactBySms?: boolean };
  recorded_at: Date;
}

const toRecord = (r: Row): ConsentRecord => ({
  id: r.id,
  userId: r.user_id,
  privacyNoticeVersion: r.privacy_notice_version,
  termsAccepted: r.terms_accepted,
  contactBySms: r.choices.contactBySms === true,
  recordedAt: r.recorded_at,
});

/** Consent records: who agreed to which notice and terms, with which choices, when and from where. Never changed. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Checks a sign-up's consent before anything is written (BAD_USER_INPUT on the consent field). */
  check(consent: ConsentData | null | undefined): ConsentData {
    if (!consent) throw new InvalidInputError('consent', 'consent.required', 'Read the privacy notice and accept it and the terms to sign up');
    if (consent.privacyNoticeVersion !== PRIVACY_NOTICE.version) {
      throw new InvalidInputError('consent.privacyNoticeVersion', 'consent.staleNotice', `The privacy notice has changed (now version ${PRIVACY_NOTICE.version}); read it again`);
    }
    if (consent.termsAccepted !== true) throw new InvalidInputError('consent.termsAccepted', 'consent.termsRequired', 'Accept the terms to sign up');
    return consent;
  }

  /** Records a consent in the caller's transaction, with the address and browser of the request that gave it. */
  async record(ctx: RequestContext, userId: string, consent: ConsentData, from: { ip: string; userAgent?: string }): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(`INSERT INTO consent_record (user_id, privacy_notice_version, terms_accepted, choices, recorded_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        userId,
        consent.privacyNoticeVersion,
        consent.termsAccepted,
        { contactBySms: consent.contactBySms === true },
        this.clock.now(),
        from.ip.slice(0, 64),
        from.userAgent ?? null,
      ]);
  }

  /** A person's consents, newest first (the person only). */
  async of(ctx: RequestContext, userId: string): Promise<ConsentRecord[]> {
    authorize(await ctx.requireActor(), 'user.viewConsents', { userId });
    const rows: Row[] = await this.tx
      .manager(ctx)
      .query(`SELECT id, user_id, privacy_notice_version, terms_accepted, choices, recorded_at FROM consent_record WHERE user_id = $1 ORDER BY recorded_at DESC, id LIMIT 50`, [userId]);
    return rows.map(toRecord);
  }
}
