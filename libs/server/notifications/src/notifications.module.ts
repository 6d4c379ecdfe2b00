import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@civicgrid/identity';
import { Channels } from './channels/channels';
import { NotificationEntity } from './notification.entity';
import { NotificationKinds } from './notification-kinds';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { DevMessagesResolver } from './dev-messages.resolver';
import { DevMessageEntity, DevMessagesService } from './dev-messages.service';
import { PasswordResetResolver } from './password-reset.resolver';

/** Notifications: the inbox, channels and preferences. Contexts register their kinds and call `notify`. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, DevMessageEntity]), IdentityModule],
  providers: [{ provide: NotificationKinds, useValue: new NotificationKinds() }, Channels, NotificationsService, NotificationsResolver, DevMessagesService, DevMessagesResolver, PasswordResetResolver],
  exports: [NotificationsService, NotificationKinds],
})
export class NotificationsModule {}
