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
