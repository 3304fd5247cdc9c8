import { useEffect, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The rendered size of an element, kept current by a ResizeObserver. It stays 0 × 0 where nothing
 * lays the page out (jsdom has no ResizeObserver): callers must cope with an unmeasured element.
 * Returns a callback ref, so the element is observed from the moment it exists.
 */
export function useElementSize<E extends Element>(): [(element: E | null) => void, ElementSize] {
  const [element, setElement] = useState<E | null>(null);
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });

  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (!box) return;
      const width = Math.floor(box.width);
      const height = Math.floor(box.height);
      // Same size, same object: no re-render, no re-decimation.
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  return [setElement, size];
}
