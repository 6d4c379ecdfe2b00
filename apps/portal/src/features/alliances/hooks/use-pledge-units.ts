import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';

/** Units counted in whole numbers (the API refuses 1.5 rounds); the others take decimals. */
const WHOLE = new Set(['BAG', 'ROUND', 'MEAL', 'PORTION', 'ITEM', 'SESSION', 'PERSON']);
export const isWholeUnit = (unit: string | null | undefined) => !!unit && WHOLE.has(unit);

/**
 * Pledge units in the reader's language: a unit's name for the select ("rounds", "次"), and
 * a quantity with its unit, plural-correct ("1 round", "36 元", "12.5 kg"). A code this
 * portal does not know yet shows as the code.
 */
export function usePledgeUnits() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const number = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }), [i18n.language]);
  const name = (unit: string) => t(`alliance.unitName.${unit}`, { defaultValue: unit });
  const quantity = (q: number, unit: string | null | undefined) =>
    unit ? t(`alliance.unitQuantity.${unit}`, { count: q, quantity: number.format(q), defaultValue: `${number.format(q)} ${unit}` }) : number.format(q);
  /** "Safety patrols: 1 round", what a record or total says in one phrase. */
  const what = (pledge: string, q: number | null | undefined, unit: string | null | undefined) =>
    q == null ? labels.pledge(pledge) : `${labels.pledge(pledge)}${t('alliance.whatSeparator')}${quantity(q, unit)}`;
  return { name, quantity, what };
}
