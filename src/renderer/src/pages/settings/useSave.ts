// A save action's busy/error state with a success message, shared by the settings forms.
import { App } from 'antd';
import { useCallback, useState } from 'react';

export function useSave(): { busy: boolean; error: unknown; save: (fn: () => Promise<unknown>, done?: string) => Promise<boolean>; clear: () => void } {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (fn: () => Promise<unknown>, done = '已保存'): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      message.success(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const clear = useCallback(() => setError(null), []);
  return { busy, error, save, clear };
}
