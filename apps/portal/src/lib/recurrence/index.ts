export * from './recurrence';
export * from './RepeatFields';
export * from './RecurrencePreview';
export * from './RecurrenceSummary';
export * from './preview-shift-series';
