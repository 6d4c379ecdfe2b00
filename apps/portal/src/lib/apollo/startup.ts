import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { defer, finalize, retry, tap, throwError, timer } from 'rxjs';

/**
 * The API is not answering yet: the proxy in front of it (nginx, `vite preview`) answers
 * 502–504 while it starts, and with nothing in front a fetch finds nothing listening.
 * A device that is itself offline is not a server starting up.
 */
export function isApiUnavailable(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode === 502 || error.statusCode === 503 || error.statusCode === 504;
  return error instanceof TypeError && (typeof navigator === 'undefined' || navigator.onLine !== false);
}

/** 0.5 s, 1 s, 2 s, then every 3 s. */
export function startupBackoffMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 3000);
}

export interface StartupRetryOptions {
  /** `true` while a request waits for the API to answer; `false` once it has answered. */
  onStarting(starting: boolean): void;
  /** How long to wait before retry number `attempt` (0-based). */
  backoffMs?: (attempt: number) => number;
  /** After this long the request fails as any transport error does. */
  giveUpAfterMs?: number;
  now?: () => number;
}

/**
 * Retries queries while the API is starting (a visitor who arrives in the seconds before it
 * listens sees "starting up", then the page), and reports when it waits and when it answered.
 * Mutations are not retried: a request that failed on its way may still have been carried out.
 */
export function createStartupRetryLink({ onStarting, backoffMs = startupBackoffMs, giveUpAfterMs = 120_000, now = Date.now }: StartupRetryOptions): ApolloLink {
  // Queries waiting now: "starting up" holds while any does, however each one ends.
  let waiting = 0;
  return new ApolloLink((operation, forward) => {
    if (String(operation.operationType) !== 'query') return forward(operation);
    const started = now();
    let counted = false;
    const done = () => {
      if (!counted) return;
      counted = false;
      waiting -= 1;
      onStarting(waiting > 0);
    };
    return defer(() => forward(operation)).pipe(
      retry({
        delay: (error: unknown, count: number) => {
          if (!isApiUnavailable(error) || now() - started >= giveUpAfterMs) return throwError(() => error);
          if (!counted) {
            counted = true;
            waiting += 1;
          }
          onStarting(true);
          return timer(backoffMs(count - 1));
        },
      }),
      // The first answer ends this query's wait (later results of the same query change nothing).
      tap({ next: done }),
      finalize(done),
    );
  });
}
