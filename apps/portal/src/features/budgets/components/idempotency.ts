import { useCallback, useRef } from 'react';

/** A fresh idempotency key (crypto.randomUUID where the browser has it). */
function newKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * One key per submission: trying the same input again after a failure (a lost answer, a
 * timeout) sends the same key, so the server moves the points at most once; another input,
 * or anything after a success, gets a new key.
 */
export function useIdempotencyKey() {
  const last = useRef<{ input: string; key: string } | null>(null);
  const keyFor = useCallback((input: unknown): string => {
    const text = JSON.stringify(input);
    if (last.current?.input !== text) last.current = { input: text, key: newKey() };
    return last.current.key;
  }, []);
  const succeeded = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, succeeded };
}
