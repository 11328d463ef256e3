// Unsaved changes are never lost without asking: a dialog with a changed form asks before Esc, × or the
// mask close it; a page with a changed form asks before the navigation leaves it, and the browser asks
// before the window closes or reloads.
import { App, Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useId } from 'react';

const dirtyForms = new Set<string>();

function onBeforeUnload(e: BeforeUnloadEvent): void {
  if (dirtyForms.size === 0) return;
  e.preventDefault();
}

/** While `dirty`, this form counts as unsaved (for leaving the page and closing the window). */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      dirtyForms.delete(id);
      if (dirtyForms.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, id]);
}

const QUESTION = { title: '放弃未保存的修改？', content: '填写或改动的内容还没有保存，离开后将丢失。', okText: '放弃修改', cancelText: '继续编辑', okButtonProps: { danger: true } } as const;

/** Runs `proceed` at once when nothing is unsaved, else after the clerk agrees to drop the changes. */
export function useConfirmDiscard(): (dirty: boolean, proceed: () => void) => void {
  const { modal } = App.useApp();
  return useCallback(
    (dirty: boolean, proceed: () => void) => {
      if (!dirty) return proceed();
      modal.confirm({ ...QUESTION, onOk: proceed });
    },
    [modal],
  );
}

/** For the navigation: asks when any form on the page is unsaved. */
export function useConfirmLeave(): (proceed: () => void) => void {
  const confirm = useConfirmDiscard();
  return useCallback((proceed: () => void) => confirm(dirtyForms.size > 0, proceed), [confirm]);
}

/**
 * A dialog's form: counts as unsaved once a field is touched, and the returned function closes the
 * dialog — at once when nothing changed, else after asking (give it to onCancel: Esc, × and the mask).
 */
export function useFormGuard(form: FormInstance, open: boolean, close: () => void): () => void {
  // re-renders on every change, so `dirty` stays current
  Form.useWatch([], form);
  const dirty = open && form.isFieldsTouched();
  useUnsavedChanges(dirty);
  const confirm = useConfirmDiscard();
  return () => confirm(dirty, close);
}
