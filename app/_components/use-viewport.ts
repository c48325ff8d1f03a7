'use client';

import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { IDENTITY, panBy, zoomAt, type Matrix, type Size } from '@/lib/viz/viewport';

const DRAG_THRESHOLD = 4;

/**
 * Zoom and pan of the graph as a matrix in React state. Plain wheel pans and Ctrl/⌘+wheel (or a
 * trackpad pinch) zooms about the pointer, so the page still scrolls with the keyboard. A drag pans;
 * the pointer is captured only once it moved, so a click on a node still reaches the node.
 */
export function useViewport() {
  const ref = useRef<HTMLDivElement>(null);
  const [matrix, setMatrix] = useState<Matrix>(IDENTITY);
  const [size, setSize] = useState<Size | null>(null);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  /** True right after a drag, so the click that ends it does not select a node. */
  const dragged = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    // React's onWheel is passive; zooming must prevent the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) setMatrix((m) => zoomAt(m, Math.exp(-e.deltaY * 0.002), e.clientX - r.left, e.clientY - r.top));
      else setMatrix((m) => panBy(m, -e.deltaX, -e.deltaY));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      ro.disconnect();
      el.removeEventListener('wheel', onWheel);
    };
  }, []);

  const handlers = {
    onPointerDown(e: ReactPointerEvent<HTMLDivElement>) {
      if (e.button !== 0) return;
      drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
      dragged.current = false;
    },
    onPointerMove(e: ReactPointerEvent<HTMLDivElement>) {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!d.moved) e.currentTarget.setPointerCapture(e.pointerId);
      d.moved = true;
      d.x = e.clientX;
      d.y = e.clientY;
      setMatrix((m) => panBy(m, dx, dy));
    },
    onPointerUp(e: ReactPointerEvent<HTMLDivElement>) {
      if (drag.current?.moved) dragged.current = true;
      drag.current = null;
      if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    },
  };

  return { ref, matrix, setMatrix, size, handlers, wasDrag: () => dragged.current };
}
