import { useId, useRef, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmIrreversible, ErrorAlert } from '../../../lib/ui';
import { useSetOrganizationSealMutation } from '../api/set-organization-seal';

/** The API takes seals up to 300 kB; checked here first, so a large scan fails at once, with the reason. */
export const SEAL_MAX_BYTES = 300 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

/** The organisation's seal (公章) image printed on its certificates: upload with a preview, or remove. */
export function SealPanel({ organizationId, hasSeal }: { organizationId: string; hasSeal: boolean }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<'uploaded' | 'removed' | null>(null);
  const [setSeal, { loading }] = useSetOrganizationSealMutation();

  const choose = async (file: File | undefined) => {
    setProblem(null);
    setSaved(null);
    setPreview(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setProblem(t('certificates.seal.wrongType'));
    if (file.size > SEAL_MAX_BYTES) return setProblem(t('certificates.seal.tooLarge', { size: Math.ceil(file.size / 1024) }));
    try {
      setPreview(await readAsDataUrl(file));
    } catch {
      setProblem(t('certificates.seal.unreadable'));
    }
  };

  const save = async (imageDataUrl: string | null) => {
    setError(null);
    try {
      await setSeal({ variables: { organizationId, imageDataUrl } });
      setSaved(imageDataUrl ? 'uploaded' : 'removed');
      setPreview(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <p>{hasSeal ? t('certificates.seal.has') : t('certificates.seal.none')}</p>
      <label htmlFor={inputId} className="field-label">
        {t('certificates.seal.choose')}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        accept="image/png,image/jpeg"
        aria-describedby={`${inputId}-hint`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
      <p id={`${inputId}-hint`} className="hint">
        {t('certificates.seal.hint')}
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {preview ? (
        <div className="seal-preview">
          <img src={preview} alt={t('certificates.seal.previewAlt')} style={{ maxWidth: 160, maxHeight: 160 }} />
          <div className="button-row">
            <Button type="primary" loading={loading} onClick={() => void save(preview)}>
              {t('certificates.seal.upload')}
            </Button>
          </div>
        </div>
      ) : null}
      {hasSeal && !preview ? (
        <div className="button-row">
          <ConfirmIrreversible danger title={t('certificates.seal.removeTitle')} consequence={t('certificates.seal.removeConsequence')} confirmText={t('certificates.seal.remove')} onConfirm={() => save(null)}>
            {t('certificates.seal.remove')}
          </ConfirmIrreversible>
        </div>
      ) : null}
      <div aria-live="polite">{saved ? <p className="saved-note">{t(saved === 'uploaded' ? 'certificates.seal.uploaded' : 'certificates.seal.removed')}</p> : null}</div>
      <ErrorAlert error={error} />
      {!hasSeal && !preview && !problem ? <Alert type="info" showIcon className="form-alert" title={t('certificates.seal.withoutSeal')} /> : null}
    </>
  );
}
