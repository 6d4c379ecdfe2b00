type Listener = (error: unknown) => void;
const listeners = new Set<Listener>();

/** Transport errors from the Apollo link, for the shell to announce. */
export function onTransportError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitTransportError(error: unknown): void {
  for (const l of listeners) l(error);
}

type StartingListener = (starting: boolean) => void;
const startingListeners = new Set<StartingListener>();
let starting = false;

/** Whether requests are waiting for the API to start (see startup.ts), for the shell to say so. */
export function onApiStarting(listener: StartingListener): () => void {
  startingListeners.add(listener);
  listener(starting);
  return () => startingListeners.delete(listener);
}

export function emitApiStarting(now: boolean): void {
  if (now === starting) return;
  starting = now;
  for (const l of startingListeners) l(now);
}
