// A dialog or drawer whose code loads when it is first opened, and which stays mounted from then on
// (closing animations and kept state as before): the first paint of a page neither parses nor renders it.
import { lazy, Suspense, useState, type ComponentType } from 'react';

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, isOpen: (props: P) => boolean): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P): React.JSX.Element | null {
    const [opened, setOpened] = useState(false);
    const open = isOpen(props);
    if (open && !opened) setOpened(true);
    if (!open && !opened) return null;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
