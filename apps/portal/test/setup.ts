import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import en from '../src/locales/en.json';
import zhCN from '../src/locales/zh-CN.json';
import { initI18n } from '../src/lib/i18n/i18n';

// antd reads these browser APIs that jsdom lacks.
// A timer-based MessageChannel: Node's own keeps the process alive after the tests.
class TimerMessageChannel {
  port1: { onmessage: ((e: { data: unknown }) => void) | null } = { onmessage: null };
  port2 = { postMessage: (data: unknown) => void setTimeout(() => this.port1.onmessage?.({ data }), 0) };
}
Object.assign(globalThis, { MessageChannel: TimerMessageChannel });
Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false }) as MediaQueryList;
}
if (!(globalThis as { ResizeObserver?: unknown }).ResizeObserver) {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
window.scrollTo = () => {};

// The suite runs beside the API's on two busy cores: a render that takes seconds there is
// slow, not wrong, so waits for an element allow ten seconds (they end as soon as it shows).
configure({ asyncUtilTimeout: 10_000 });

// Tests read English; the same keys exist in every locale (see locales.spec.ts).
beforeAll(async () => {
  await initI18n('en', { en, 'zh-CN': zhCN });
});
