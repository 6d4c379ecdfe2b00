import { useCallback, useRef } from 'react';

/** A fresh idempotency key: crypto.randomUUID, or random bytes where the page is not a secure context. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One key per submission: a retry of the same input (after a network error, say) sends the
 * same key, so the API returns the first result instead of moving value twice; other input,
 * or a submission after one that succeeded, gets a new key (the same key with other input
 * would be refused).
 */
export function useIdempotencyKey() {
  const last = useRef<{ input: string; key: string } | null>(null);
  const keyFor = useCallback((input: unknown): string => {
    const sig = JSON.stringify(input);
    if (last.current?.input !== sig) last.current = { input: sig, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}
