import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { RequestContext, SETTINGS, Settings, TransactionRunner } from '@civicgrid/platform';

/** One message out through a channel. `reference` is stable across retries (providers deduplicate by it). */
export interface OutgoingMessage {
  channel: 'SMS' | 'EMAIL';
  /** a mainland mobile number or an e-mail address */
  to: string;
  subject?: string;
  text: string;
  reference: string;
}

export interface SendResult {
  /** the provider's id for the message, or the sink row */
  providerRef: string;
}

/** A way of sending: a provider, or the development sink. */
export interface ChannelAdapter {
  readonly name: string;
  send(ctx: RequestContext, m: OutgoingMessage): Promise<SendResult>;
}

/** A provider said no: the job retries, then dead-letters. The reason carries no message text or address. */
export class DeliveryFailedError extends Error {
  constructor(readonly reason: string) {
    super(`delivery failed: ${reason}`);
  }
}

/**
 * An SMS provider over HTTP: `POST SMS_API_URL` with `{ to, text, reference }` and the key
 * as a bearer token, the carriers' signature before the text. Answers 2xx with an `id`.
 */
export class HttpSmsAdapter implements ChannelAdapter {
  readonly name = 'sms-http';
  constructor(private readonly conf: NonNullable<Settings['sms']>) {}

  async send(_ctx: RequestContext, m: OutgoingMessage): Promise<SendResult> {
    let res: Response;
    try {
      res = await fetch(this.conf.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.conf.apiKey}`, 'idempotency-key': m.reference },
        body: JSON.stringify({ to: m.to, text: `${this.conf.signature}${m.text}`, reference: m.reference }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new DeliveryFailedError(`sms provider unreachable (${(err as Error).name})`);
    }
    if (!res.ok) throw new DeliveryFailedError(`sms provider answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { id?: unknown };
    return { providerRef: typeof body.id === 'string' ? body.id.slice(0, 200) : m.reference };
  }
}

/** E-mail through SMTP (nodemailer). */
export class SmtpAdapter implements ChannelAdapter {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  constructor(private readonly conf: NonNullable<Settings['mail']>) {
    this.transport = nodemailer.createTransport(conf.url);
  }

  async send(_ctx: RequestContext, m: OutgoingMessage): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({ from: this.conf.from, to: m.to, subject: m.subject, text: m.text, messageId: `<${m.reference}@civicgrid>` });
      return { providerRef: String(info.messageId).slice(0, 200) };
    } catch (err) {
      throw new DeliveryFailedError(`smtp refused (${(err as { code?: string }).code ?? (err as Error).name})`);
    }
  }
}

/**
 * The development sink: what would have been sent, kept in `dev_message` for tests and
 * the portal's development page. Used for a channel whose provider is not set, so
 * nothing is dropped silently.
 */
export class DevSinkAdapter implements ChannelAdapter {
  readonly name = 'dev-sink';
  constructor(private readonly tx: TransactionRunner) {}

  async send(ctx: RequestContext, m: OutgoingMessage): Promise<SendResult> {
    const rows: { id: string }[] = await this.tx
      .manager(ctx)
      .query(
        `INSERT INTO dev_message (channel, recipient, subject, body, delivery_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (delivery_id) DO UPDATE SET body = EXCLUDED.body RETURNING id`,
        [m.channel, m.to, m.subject ?? null, m.text, m.reference],
      );
    return { providerRef: `dev-${rows[0].id}` };
  }
}

/** The adapter each channel uses on this installation. */
@Injectable()
export class Channels {
  readonly sms: ChannelAdapter;
  readonly email: ChannelAdapter;

  constructor(@Inject(SETTINGS) settings: Settings, tx: TransactionRunner) {
    const sink = new DevSinkAdapter(tx);
    this.sms = settings.sms ? new HttpSmsAdapter(settings.sms) : sink;
    this.email = settings.mail ? new SmtpAdapter(settings.mail) : sink;
  }

  of(channel: 'SMS' | 'EMAIL'): ChannelAdapter {
    return channel === 'SMS' ? this.sms : this.email;
  }
}
