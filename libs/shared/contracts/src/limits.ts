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
  /** a coordinator's message to a shift's or task's volunteers, in characters */
  volunteerMessageMaxLength: 500,
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
