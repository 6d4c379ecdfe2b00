import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Limits } from '@civicgrid/contracts';
import { InvalidInputError, processMetric } from '@civicgrid/platform';
import { Counter } from 'prom-client';

/** Every argon2 verification: the work a sign-in limit exists to bound (a figure on /metrics). */
const CHECKS_METRIC = 'civicgrid_password_checks_total';
const passwordChecks = processMetric(CHECKS_METRIC, () => new Counter({ name: CHECKS_METRIC, help: 'Password hashes verified (sign-ins and password changes)' }));

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function checkPasswordRules(password: string, field = 'password'): void {
  if (typeof password !== 'string' || password.length < Limits.passwordMinLength) {
    throw new InvalidInputError(field, 'password.tooShort', `The password must have at least ${Limits.passwordMinLength} characters`);
  }
  if (password.length > Limits.passwordMaxLength) {
    throw new InvalidInputError(field, 'password.tooLong', `The password must have at most ${Limits.passwordMaxLength} characters`);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  passwordChecks.inc();
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the phone is unknown, so timing does not reveal which phones exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-civicgrid');
  return dummyHash;
}
