// Keyboard shortcuts of the whole app: `/` (or Ctrl+F on a page with a search box) goes to the search
// box, Alt+N registers a new record. A page offers a target (useShortcut); pressed elsewhere, the
// shortcut opens the records page and runs there once it is shown. Shortcuts wait while a dialog or
// drawer is open, and `/` types a slash while the focus is in a field.
import { useEffect, useRef } from 'react';
import { navigate } from './useHashRoute';

export type ShortcutTarget = 'search' | 'new-record';

/** What the keys are, for buttons' aria-keyshortcuts and tips. */
export const SHORTCUT_KEYS: Record<ShortcutTarget, string> = { search: '/', 'new-record': 'Alt+N' };

const targets = new Map<ShortcutTarget, () => void>();
/** a shortcut pressed on another page, waiting for the records page (briefly) */
let pending: { target: ShortcutTarget; at: number } | null = null;
const PENDING_MS = 3000;

/** Offers `run` for `target` while the calling component is shown. */
export function useShortcut(target: ShortcutTarget, run: (() => void) | null): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const enabled = run !== null;
  useEffect(() => {
    if (!enabled) return;
    const call = () => latest.current?.();
    targets.set(target, call);
    if (pending?.target === target && Date.now() - pending.at < PENDING_MS) {
      pending = null;
      // after the page has painted its fields
      setTimeout(call, 0);
    }
    return () => {
      if (targets.get(target) === call) targets.delete(target);
    };
  }, [target, enabled]);
}

function typing(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.getAttribute('role') === 'combobox';
}

/** A modal dialog or drawer is open: its own keys (Esc, Tab) rule. */
function overlayOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-drawer-open')].some((el) => el.offsetParent !== null || el.classList.contains('ant-drawer-open'));
}

function trigger(target: ShortcutTarget): void {
  const run = targets.get(target);
  if (run) return run();
  pending = { target, at: Date.now() };
  navigate('/records');
}

/** Installed once by the app's shell. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing || overlayOpen()) return;
      const key = e.key.toLowerCase();
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && !e.altKey && !e.shiftKey && key === 'f') {
        // the browser's own find where the page has no search box
        if (!targets.has('search')) return;
        e.preventDefault();
        trigger('search');
      } else if (e.key === '/' && !ctrl && !e.altKey && !typing(e.target)) {
        e.preventDefault();
        trigger('search');
      } else if (e.altKey && !ctrl && (e.code === 'KeyN' || key === 'n')) {
        e.preventDefault();
        trigger('new-record');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
