// The height that lets an element reach the window's bottom less `below` px (a virtual list needs a
// number): from where the element starts, kept current as the window resizes or the content above
// it changes height.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useViewportHeight } from './useViewportHeight';

export function useFillHeight(ref: RefObject<HTMLElement | null>, below: number, min = 240): number {
  const viewport = useViewportHeight();
  const [top, setTop] = useState(200);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setTop(el.getBoundingClientRect().top + (el.closest('.ant-layout-content')?.scrollTop ?? 0));
    measure();
    // the toolbar above may wrap onto two lines at a narrow window
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, [ref, viewport]);
  return Math.max(min, viewport - top - below);
}
