export * from './StatusTag';
export * from './feedback';
export * from './PageTitle';
export * from './elder';
export * from './LinkButton';
export * from './claim-state';
export * from './ConfirmIrreversible';
export * from './DateTimePicker';
