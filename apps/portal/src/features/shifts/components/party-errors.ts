import type { TFunction } from 'i18next';
import { apiErrors, translateApiError } from '../../../lib/errors';

/**
 * The sentences for a refused party claim. The API names the member at fault by starting
 * its message with their name (`Xiaoming: This task is for volunteers aged 12 or over`);
 * the member is looked up among the party sent, so only a name we know is shown.
 */
export function partyErrorTexts(t: TFunction, error: unknown, members: readonly { displayName: string }[]): string[] {
  // Longest names first: "Li Ming" must not be taken for "Li".
  const names = [...members].map((m) => m.displayName).sort((a, b) => b.length - a.length);
  return apiErrors(error).map((e) => {
    const text = e.code === 'NETWORK' ? t('errors.network') : translateApiError(t, e);
    const name = names.find((n) => e.message.startsWith(`${n}: `));
    return name ? t('party.memberError', { name, error: text }) : text;
  });
}
