import { register } from 'prom-client';

/**
 * A metric made once per process and shared after that. prom-client's registry is
 * global, and tests start several apps in one process: a second `new Counter` of the
 * same name would throw.
 */
export function processMetric<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}
