import { App } from 'antd';

export interface ConfirmOptions {
  title: string;
  content?: string;
  okText: string;
  cancelText: string;
  danger?: boolean;
}

/**
 * Asks before a decision that others are told of and that cannot be taken back; resolves
 * true when confirmed. A thin wrapper over Ant Design's confirmation dialog (needs an
 * `<App>` above), kept to this one signature so a shared confirmation can replace it.
 */
export function useConfirmAction(): (options: ConfirmOptions) => Promise<boolean> {
  const { modal } = App.useApp();
  return ({ title, content, okText, cancelText, danger }) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({ title, content, okText, cancelText, okButtonProps: danger ? { danger: true } : undefined, onOk: () => resolve(true), onCancel: () => resolve(false) });
    });
}
