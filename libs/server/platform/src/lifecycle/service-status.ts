/**
 * What the health endpoints report besides the database's answer: whether the embedded
 * PostgreSQL is being restarted or could not be, and whether the API is shutting down.
 * One instance per API, made at start and shared with the supervisor and the drain.
 */
export class ServiceStatus {
  /** `restarting` while the supervisor brings the embedded PostgreSQL back; `failed` when it gave up */
  database: 'up' | 'restarting' | 'failed' = 'up';
  /** set on SIGTERM: readiness fails so balancers stop sending, in-flight requests finish */
  draining = false;
}

export const SERVICE_STATUS = Symbol('SERVICE_STATUS');
