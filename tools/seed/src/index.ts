export { loadDemoData } from './demo-data';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
