import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ConfirmIrreversibleProps extends Pick<ButtonProps, 'type' | 'danger' | 'size' | 'disabled' | 'loading' | 'className' | 'block'> {
  /** The button's text. */
  children: ReactNode;
  /** The button's name for screen readers, where the text alone does not say whose row it is. */
  'aria-label'?: string;
  /** The dialog's question, e.g. "Verify 95 minutes for Wang Xiaoming?". */
  title: string;
  /** What cannot be undone once confirmed, in the user's words. */
  consequence: string;
  /** The confirming button's text (the action, not "OK"). */
  confirmText: string;
  /** Runs once confirmed; the dialog closes when it settles (callers show their own errors). */
  onConfirm(): Promise<unknown> | unknown;
}

/**
 * The one way the portal asks before an action that cannot be undone (completing a task,
 * verifying hours, checking out, verifying an organisation, a no-show, giving up a place):
 * a button that opens a dialog saying what stays done, with "keep as it is" focused first
 * so that a stray Enter changes nothing.
 */
export function ConfirmIrreversible({ children, title, consequence, confirmText, onConfirm, 'aria-label': ariaLabel, ...button }: ConfirmIrreversibleProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button {...button} aria-label={ariaLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        // The dialog takes the focus when it opens: hand it to "keep", so that Enter changes nothing.
        afterOpenChange={(opened) => {
          if (opened) keepRef.current?.focus();
        }}
        footer={[
          <Button key="keep" ref={keepRef} onClick={() => setOpen(false)}>
            {t('irreversible.keep')}
          </Button>,
          <Button key="confirm" danger type="primary" loading={busy} onClick={() => void confirm()}>
            {confirmText}
          </Button>,
        ]}
      >
        <Alert type="warning" showIcon title={t('irreversible.cannotUndo')} description={consequence} className="form-alert" />
      </Modal>
    </>
  );
}
