// An irreversible step: a confirmation first, then the call; its error is kept for the page to show.
import { App } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';

export interface Confirmation {
  title: string;
  content: ReactNode;
  okText: string;
  /** a red button: the step cannot be undone */
  danger?: boolean;
}

export function useConfirmed(): { error: unknown; clear: () => void; confirm: (what: Confirmation, act: () => Promise<void>) => void } {
  const { modal } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const confirm = useCallback(
    (what: Confirmation, act: () => Promise<void>) => {
      setError(null);
      modal.confirm({
        title: what.title,
        content: what.content,
        okText: what.okText,
        cancelText: '取消',
        okButtonProps: { danger: what.danger },
        onOk: async () => {
          try {
            await act();
          } catch (e) {
            setError(e);
          }
        },
      });
    },
    [modal],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, clear, confirm };
}
