/** Field limits shared by the API (validation) and the portal (form rules). */
export const Limits = {
  pageSizeMax: 100,
  pageSizeDefault: 20,
  /** the board counts its matches exactly up to this many, then says "more than" */
  boardCountCap: 1000,
  passwordMinLength: 8,
  passwordMaxLength: 128,
  displayNameMaxLength: 40,
  consentNoteMinLength: 4,
  consentNoteMaxLength: 500,
  organizationNameMaxLength: 80,
  descriptionMaxLength: 4000,
  taskTitleMaxLength: 120,
  categoryMaxLength: 40,
  skillMaxLength: 40,
  skillsMax: 20,
  languagesMax: 10,
  /**
   * shifts per task: createTask and addShift count every shift; recurring shifts count
   * the task's shifts not yet ended, so a series can run for years under it
   */
  shiftsPerTaskMax: 100,
  shiftCapacityMax: 1000,
  shiftMaxHours: 24,
  /** a shift's meeting place, in characters */
  shiftPlaceMaxLength: 200,
  /** why a shift or task was cancelled, in characters (told to its volunteers) */
  cancelReasonMaxLength: 500,
  /** a volunteer signs up together with at most this many companions */
  companionsMax: 5,
  /** minors signed up under one guardian's account */
  dependantsMax: 10,
  /** from this age a person needs an account of their own */
  adultAge: 18,
  /** a task may be copied this many days ahead at most */
  copyOffsetDaysMax: 366,
  /** a volunteer may check in this many minutes before the shift starts */
  checkInOpensMinutesBefore: 30,
  serviceMinutesMax: 24 * 60,
  /** a recurring shift's occurrences exist as shifts this many days ahead (a rolling window, 8 weeks) */
  shiftSeriesWindowDays: 56,
  shiftSeriesPerTaskMax: 10,
  /** every N days, weeks or months */
  shiftSeriesIntervalMax: 52,
  /** "for N times" */
  shiftSeriesCountMax: 500,
  /** "until a date": at most this many years after the first occurrence */
  shiftSeriesUntilMaxYears: 5,
  shiftSeriesExceptionsMax: 100,
  /** occurrences a preview lists */
  shiftSeriesPreviewMax: 20,
  /** hours served off the platform may be reported up to this many days after the day served (Asia/Shanghai days) */
  reportedServiceMaxAgeDays: 365,
  /** "what was done", in a report of hours served off the platform */
  serviceDescriptionMaxLength: 500,
  /** a coordinator's reason for approving or rejecting reported hours */
  serviceDecisionReasonMaxLength: 500,
  /** a volunteer's reports awaiting a decision at once: more wait until some are decided */
  pendingServiceReportsMax: 10,
  /** the kiosk finds volunteers by the last digits of their phone */
  kioskPhoneDigits: 4,
  /** a coordinator's message to a shift's or task's volunteers, in characters */
  volunteerMessageMaxLength: 500,
  /** one pledge activity record's quantity (a database CHECK holds the same bound) */
  pledgeQuantityMax: 1_000_000,
  /** what was done, on a pledge activity record */
  pledgeNoteMaxLength: 1000,
} as const;

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const TASK_CATEGORIES = [
  'ELDER_CARE',
  'CHILD_CARE',
  'ENVIRONMENT',
  'WASTE_SORTING',
  'SAFETY_PATROL',
  'HEALTH',
  'EDUCATION',
  'CULTURE',
  'EMERGENCY',
  'COMMUNITY_EVENT',
  'OTHER',
] as const;
