export { NotificationsModule } from './notifications.module';
export { NotificationsService, DEFAULT_QUIET_HOURS, nextSendTime } from './notifications.service';
export type { NotifyRequest } from './notifications.service';
export { NotificationKinds } from './notification-kinds';
export type { Channel, NotificationKind, Template, Params } from './notification-kinds';
export { DevMessagesService } from './dev-messages.service';
export { PASSWORD_RESET_KINDS } from './password-reset.resolver';
