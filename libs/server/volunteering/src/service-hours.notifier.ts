import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { EventBus, PublishedEvent, RequestContext } from '@civicgrid/platform';
import { ServiceRecordsService } from './service-records.service';
import type { ServiceReportedPayload, ServiceVerifiedPayload } from './volunteering.events';

const kind = (k: string, templates: NotificationKind['templates']): NotificationKind => ({ kind: k, defaultChannels: ['IN_APP'], templates });

/** What reported hours tell people, in three languages (in-app by default; any SMS stays within 70 characters). */
export const SERVICE_HOURS_KINDS: NotificationKind[] = [
  kind('SERVICE_REPORT_RECEIVED', {
    'zh-CN': { title: '有服务时长申报待审核', body: '{organization}收到一份 {minutes} 分钟的服务时长申报（{servedOn}），请审核。' },
    'zh-TW': { title: '有服務時數申報待審核', body: '{organization}收到一份 {minutes} 分鐘的服務時數申報（{servedOn}），請審核。' },
    en: { title: 'Reported hours to decide', body: '{organization} has a report of {minutes} minutes of service ({servedOn}) awaiting a coordinator’s decision.' },
  }),
  kind('SERVICE_REPORT_APPROVED', {
    'zh-CN': { title: '申报的时长已核实', body: '{organization}核实了您申报的 {minutes} 分钟服务（{servedOn}），谢谢您！' },
    'zh-TW': { title: '申報的時數已核實', body: '{organization}核實了您申報的 {minutes} 分鐘服務（{servedOn}），謝謝您！' },
    en: { title: 'Reported hours verified', body: '{organization} verified the {minutes} minutes you reported ({servedOn}). Thank you!' },
  }),
  kind('SERVICE_REPORT_REJECTED', {
    'zh-CN': { title: '申报的时长未核实', body: '{organization}没有核实您申报的服务时长（{servedOn}）。原因：{reason}', sms: '{organization}没有核实您申报的服务时长（{servedOn}）。' },
    'zh-TW': { title: '申報的時數未核實', body: '{organization}沒有核實您申報的服務時數（{servedOn}）。原因：{reason}', sms: '{organization}沒有核實您申報的服務時數（{servedOn}）。' },
    en: { title: 'Reported hours not verified', body: '{organization} did not verify the hours you reported ({servedOn}). Reason: {reason}' },
  }),
  kind('SERVICE_HOURS_RECORDED', {
    'zh-CN': { title: '组织为您登记了服务时长', body: '{organization}为您登记了 {minutes} 分钟服务时长（{servedOn}），谢谢您！' },
    'zh-TW': { title: '組織為您登記了服務時數', body: '{organization}為您登記了 {minutes} 分鐘服務時數（{servedOn}），謝謝您！' },
    en: { title: 'Hours recorded for you', body: '{organization} recorded {minutes} minutes of your service ({servedOn}). Thank you!' },
  }),
];

/**
 * Reported hours' side effects: a report tells the organisation's coordinators (the
 * volunteer and whoever reported aside); a decision, or hours a coordinator recorded,
 * tell the volunteer.
 */
@Injectable()
export class ServiceHoursNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly organizations: OrganizationsService,
    private readonly records: ServiceRecordsService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...SERVICE_HOURS_KINDS);
    this.events.subscribe<ServiceReportedPayload>('service.reported', 'volunteering.notifyServiceReported', (ctx, e) => this.reported(ctx, e));
    this.events.subscribe<ServiceVerifiedPayload>('service.verified', 'volunteering.notifyReportedService', (ctx, e) => this.decided(ctx, e));
  }

  private async reported(ctx: RequestContext, e: PublishedEvent<ServiceReportedPayload>): Promise<void> {
    const p = e.payload;
    const [org, deciders] = await Promise.all([this.organizations.load(ctx, p.organizationId), this.organizations.memberIdsWithRole(ctx, p.organizationId, 'COORDINATOR')]);
    const others = deciders.filter((u) => u !== p.volunteerId && u !== p.reportedById);
    await this.notifications.notifyMany(ctx, others, {
      kind: 'SERVICE_REPORT_RECEIVED',
      params: { organization: org?.name ?? '', minutes: p.minutes, servedOn: p.servedOn },
      link: `/orgs/${p.organizationId}`,
      dedupeKey: e.id,
    });
  }

  private async decided(ctx: RequestContext, e: PublishedEvent<ServiceVerifiedPayload>): Promise<void> {
    const p = e.payload;
    if (p.kind !== 'REPORTED') return;
    const [org, record] = await Promise.all([this.organizations.load(ctx, p.organizationId), this.records.load(ctx, p.recordId)]);
    await this.notifications.notify(ctx, {
      userId: p.volunteerId,
      kind: p.recordedByOrganization ? 'SERVICE_HOURS_RECORDED' : p.approved ? 'SERVICE_REPORT_APPROVED' : 'SERVICE_REPORT_REJECTED',
      params: { organization: org?.name ?? '', minutes: p.minutes, servedOn: record?.servedOn ?? '', reason: record?.decisionReason ?? '' },
      link: '/my-shifts',
      dedupeKey: e.id,
    });
  }
}
