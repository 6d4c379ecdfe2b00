import { useTranslation } from 'react-i18next';
import { usePrefs } from '../prefs';
import { reasonSentence, scorePercent, type MatchReasonLike } from './reasons';

/** A match's score and its reasons in one line of words; elder mode shows neither (no scores, no jargon). */
export function MatchReasons({ score, reasons }: { score: number; reasons: readonly MatchReasonLike[] }) {
  const { t } = useTranslation();
  const { elderMode } = usePrefs();
  if (elderMode) return null;
  const sentence = reasonSentence(t, reasons);
  return (
    <p className="match-reasons">
      <span className="match-score">{t('reason.score', { percent: scorePercent(score) })}</span>
      {sentence ? <span> · {sentence}</span> : null}
    </p>
  );
}
