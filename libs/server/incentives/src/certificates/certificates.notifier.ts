import { Injectable, OnModuleInit } from '@nestjs/common';
import { UsersService } from '@civicgrid/identity';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { EventBus, JobsService, PublishedEvent, RequestContext } from '@civicgrid/platform';
import { CertificateEventPayload, CertificatesService, ISSUE_CERTIFICATES_JOB } from './certificates.service';

export const CERTIFICATE_KINDS: NotificationKind[] = [
  {
    kind: 'CERTIFICATE_REQUESTED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '有志愿者申请服务记录证明', body: '{holder}向{organization}申请志愿服务记录证明，请在证明审核页处理。', sms: '{holder}申请了志愿服务记录证明，请及时审核。' },
      'zh-TW': { title: '有志工申請服務紀錄證明', body: '{holder}向{organization}申請志願服務紀錄證明，請在證明審核頁處理。', sms: '{holder}申請了志願服務紀錄證明，請及時審核。' },
      en: { title: 'A volunteer asked for a service certificate', body: '{holder} asked {organization} for a service-record certificate. Decide it on the certificates page.' },
    },
  },
  {
    kind: 'CERTIFICATE_APPROVED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您的服务记录证明已通过审核', body: '{organization}已通过您的志愿服务记录证明（编号{serial}），公示至{publicityEndsAt:when}，期满后出具。', sms: '您的服务记录证明{serial}已通过，公示期满后出具。' },
      'zh-TW': { title: '您的服務紀錄證明已通過審核', body: '{organization}已通過您的志願服務紀錄證明（編號{serial}），公示至{publicityEndsAt:when}，期滿後出具。', sms: '您的服務紀錄證明{serial}已通過，公示期滿後出具。' },
      en: { title: 'Your service certificate was approved', body: '{organization} approved your service-record certificate {serial}. It is on public notice until {publicityEndsAt:when} and issued after that.' },
    },
  },
  {
    kind: 'CERTIFICATE_REJECTED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您的服务记录证明申请未通过', body: '{organization}未通过您的志愿服务记录证明申请：{reason}', sms: '您的服务记录证明申请未通过，原因见平台消息。' },
      'zh-TW': { title: '您的服務紀錄證明申請未通過', body: '{organization}未通過您的志願服務紀錄證明申請：{reason}', sms: '您的服務紀錄證明申請未通過，原因見平台訊息。' },
      en: { title: 'Your service certificate was not approved', body: '{organization} did not approve your request for a service-record certificate: {reason}' },
    },
  },
  {
    kind: 'CERTIFICATE_ISSUED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您的服务记录证明已出具', body: '{organization}出具的志愿服务记录证明（编号{serial}）公示期满，已正式出具，可在“我的证明”下载。', sms: '您的服务记录证明{serial}已出具，可在平台下载。' },
      'zh-TW': { title: '您的服務紀錄證明已出具', body: '{organization}出具的志願服務紀錄證明（編號{serial}）公示期滿，已正式出具，可在「我的證明」下載。', sms: '您的服務紀錄證明{serial}已出具，可在平台下載。' },
      en: { title: 'Your service certificate is issued', body: 'The public notice of your service-record certificate {serial} from {organization} is over: it is issued. Download it from My certificates.' },
    },
  },
  {
    kind: 'CERTIFICATE_REVOKED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您的服务记录证明已撤销', body: '{organization}撤销了您的志愿服务记录证明（编号{serial}）：{reason}', sms: '您的服务记录证明{serial}已被撤销，原因见平台消息。' },
      'zh-TW': { title: '您的服務紀錄證明已撤銷', body: '{organization}撤銷了您的志願服務紀錄證明（編號{serial}）：{reason}', sms: '您的服務紀錄證明{serial}已被撤銷，原因見平台訊息。' },
      en: { title: 'Your service certificate was revoked', body: '{organization} revoked your service-record certificate {serial}: {reason}' },
    },
  },
];

/** Tells holders and organisations' admins how certificates move, and issues them when their publicity ends. */
@Injectable()
export class CertificatesNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly jobs: JobsService,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly certificates: CertificatesService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...CERTIFICATE_KINDS);
    // Sent for each approval at its publicity's end; the cron catches any the clock or an outage moved.
    this.jobs.define({ name: ISSUE_CERTIFICATES_JOB, cron: '*/15 * * * *', handle: async (ctx) => void (await this.certificates.issueDue(ctx)) });
    this.events.subscribe<CertificateEventPayload>(['certificate.requested', 'certificate.decided', 'certificate.issued', 'certificate.revoked'], 'incentives.notifyCertificate', (ctx, e) => this.certificateEvent(ctx, e));
  }

  private async certificateEvent(ctx: RequestContext, e: PublishedEvent<CertificateEventPayload>): Promise<void> {
    const c = await this.certificates.load(ctx, e.payload.certificateId);
    if (!c) return;
    const org = await this.organizations.load(ctx, c.organizationId);
    const params = { organization: org?.name ?? '', serial: c.serial, reason: c.reason, publicityEndsAt: c.publicityEndsAt?.toISOString() };
    if (e.type === 'certificate.requested') {
      const holder = await this.users.load(ctx, c.holderId);
      const admins = (await this.certificates.adminsOf(ctx, c.organizationId)).filter((id) => id !== c.holderId);
      await this.notifications.notifyMany(ctx, admins, { kind: 'CERTIFICATE_REQUESTED', params: { ...params, holder: holder?.displayName ?? '' }, link: `/orgs/${c.organizationId}/certificates`, dedupeKey: e.id });
      return;
    }
    const kind = e.type === 'certificate.decided' ? (e.payload.approved ? 'CERTIFICATE_APPROVED' : 'CERTIFICATE_REJECTED') : e.type === 'certificate.issued' ? 'CERTIFICATE_ISSUED' : 'CERTIFICATE_REVOKED';
    await this.notifications.notify(ctx, { userId: c.holderId, kind, params, link: '/certificates', dedupeKey: e.id });
  }
}
