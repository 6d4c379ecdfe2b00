import { OnModuleInit } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { PasswordResetsService, RequestPasswordResetInput, RESET_CODE_TTL_MINUTES } from '@civicgrid/identity';
import { Allow, Ctx, Public, RequestContext } from '@civicgrid/platform';
import { NotificationKind, NotificationKinds } from './notification-kinds';
import { NotificationsService } from './notifications.service';

/** The SMS that carries a password-reset code: urgent (quiet hours do not hold it), secret, by SMS only. */
export const PASSWORD_RESET_KINDS: NotificationKind[] = [
  {
    kind: 'PASSWORD_RESET_CODE',
    urgent: true,
    secret: true,
    defaultChannels: ['SMS'],
    templates: {
      'zh-CN': { title: '重设密码验证码', body: '您的重设密码验证码是{code}，{minutes}分钟内有效。如非本人操作，请忽略。' },
      'zh-TW': { title: '重設密碼驗證碼', body: '您的重設密碼驗證碼是{code}，{minutes}分鐘內有效。如非本人操作，請忽略。' },
      en: { title: 'Password reset code', body: 'Your CivicGrid password reset code is {code}. It works for {minutes} minutes. If you did not ask for it, ignore this message.' },
    },
  },
];

/**
 * Asking for a password-reset code. The code is made and kept by identity; it travels
 * as a notification (by SMS, in the person's language) in the same transaction.
 */
@Resolver()
export class PasswordResetResolver implements OnModuleInit {
  constructor(
    private readonly resets: PasswordResetsService,
    private readonly notifications: NotificationsService,
    private readonly kinds: NotificationKinds,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...PASSWORD_RESET_KINDS);
  }

  @Public()
  @Allow.anyone()
  @Mutation(() => Boolean, {
    description:
      'Send a 6-digit code by SMS to set a new password with resetPassword. Answers true whether or not the phone has an account; limited per phone and per network (RATE_LIMITED). The code works for 10 minutes.',
  })
  async requestPasswordReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.resets.request(ctx, input.phone, (t, user, code, codeId) =>
      this.notifications.notify(t, { userId: user.id, kind: 'PASSWORD_RESET_CODE', params: { code, minutes: RESET_CODE_TTL_MINUTES }, link: null, dedupeKey: `password-reset:${codeId}` }),
    );
    return true;
  }
}
