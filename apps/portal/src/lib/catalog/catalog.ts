import { useTranslation } from 'react-i18next';
import { TASK_CATEGORIES } from '@civicgrid/contracts';

export { TASK_CATEGORIES };

/** Skills offered in pickers; people may also type their own. */
export const SKILLS = ['FIRST_AID', 'COOKING', 'DRIVING', 'ELDER_CARE', 'TUTORING', 'PHOTOGRAPHY', 'SIGN_LANGUAGE', 'COMPUTER', 'REPAIR', 'COUNSELLING', 'SICHUANESE'] as const;
/** Languages and dialects offered in pickers. */
export const LANGUAGES = ['zh', 'en', 'sichuanese', 'cantonese', 'minnan', 'wu'] as const;

export const ORGANIZATION_KINDS = ['NGO', 'SOCIAL_GROUP', 'MERCHANT', 'SENIORS_COUNCIL', 'WOMENS_FEDERATION', 'RESIDENTS_COMMITTEE', 'STREET_OFFICE', 'DEPARTMENT'] as const;
/** Kinds only officials may register. */
export const OFFICIAL_ONLY_KINDS = ['STREET_OFFICE', 'DEPARTMENT'] as const;

/** The kinds of notification people may set channels for, in the order the profile lists them. */
export const NOTIFICATION_KINDS = [
  'CLAIM_CONFIRMED',
  'CLAIM_WAITLISTED',
  'CLAIM_PROMOTED',
  'CLAIM_APPROVED',
  'CLAIM_REJECTED',
  'CLAIM_CANCELLED_BY_ORGANIZATION',
  'CLAIM_ADDED_BY_ORGANIZATION',
  'CLAIM_AWAITING_APPROVAL',
  'SHIFT_REMINDER',
  'SHIFT_RESCHEDULED',
  'SHIFT_CANCELLED',
  'COORDINATOR_MESSAGE',
  'INVITATION_RECEIVED',
  'SERVICE_VERIFIED',
  'SERVICE_REJECTED',
  'SERVICE_REPORT_RECEIVED',
  'SERVICE_REPORT_APPROVED',
  'SERVICE_REPORT_REJECTED',
  'SERVICE_HOURS_RECORDED',
  'MEMBERSHIP_INVITED',
  'MEMBERSHIP_ACCEPTED',
  'MEMBERSHIP_DECLINED',
  'ALLIANCE_APPLICATION_APPROVED',
  'ALLIANCE_APPLICATION_REJECTED',
  'NEED_ADOPTED',
  'NEED_FULFILLED',
  'GRID_LEADER_APPOINTED',
  'GRID_LEADER_REMOVED',
  'ORGANIZATION_VERIFIED',
  'ORGANIZATION_REJECTED',
  'ORGANIZATION_INFO_REQUESTED',
  'INCENTIVE_RECEIVED',
  'INCENTIVE_AWAITING_APPROVAL',
  'INCENTIVE_APPROVED',
  'INCENTIVE_REJECTED',
  'BUDGET_ALLOCATED',
  'TIME_CREDITS_RECEIVED',
  'LEDGER_OUT_OF_BALANCE',
  'STAR_LEVEL_REACHED',
  'HONOUR_AWARDED',
  'CERTIFICATE_REQUESTED',
  'CERTIFICATE_APPROVED',
  'CERTIFICATE_REJECTED',
  'CERTIFICATE_ISSUED',
  'CERTIFICATE_REVOKED',
  'REDEMPTION_CONFIRMED',
  'REDEMPTION_EXPIRED',
] as const;
/**
 * Kinds that tell the reader one of their claims (or its shift) changed: lists of claims the
 * portal holds are read again when one arrives (a new time, a cancellation, a place).
 */
export const CLAIM_CHANGED_KINDS: readonly string[] = [
  'CLAIM_PROMOTED',
  'CLAIM_APPROVED',
  'CLAIM_REJECTED',
  'CLAIM_CANCELLED_BY_ORGANIZATION',
  'CLAIM_ADDED_BY_ORGANIZATION',
  'SHIFT_RESCHEDULED',
  'SHIFT_CANCELLED',
];
export const NOTIFICATION_CHANNELS = ['IN_APP', 'SMS', 'EMAIL'] as const;

/** Labels for codes (skills, categories, languages) with the raw code for ones we do not know. */
export function useLabels() {
  const { t } = useTranslation();
  const label = (group: string, code: string) => t(`${group}.${code}`, { defaultValue: code });
  return {
    skill: (c: string) => label('skill', c),
    category: (c: string) => label('category', c),
    language: (c: string) => label('language', c),
    orgKind: (c: string) => label('orgKind', c),
    role: (c: string) => label('memberRole', c),
    pledge: (c: string) => label('pledge', c),
    // A kind newer than this portal: a word for it rather than its code.
    notificationKind: (c: string) => t(`notificationKind.${c}`, { defaultValue: t('notificationKind.other') }),
  };
}
