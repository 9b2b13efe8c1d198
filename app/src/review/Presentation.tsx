import { useEffect } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';

/**
 * Presentation mode: the canvas alone, full screen when the browser allows it, larger type
 * (styles under .app--presenting). Escape, or leaving full screen, ends it.
 */
export function Presentation() {
  const store = useAppStore();
  const presenting = useApp((s) => s.presenting);
  useEffect(() => {
    if (!presenting) return;
    const stop = () => store.getState().setPresenting(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop();
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement) stop();
    };
    window.addEventListener('keydown', onKey);
    document.documentElement
      .requestFullscreen?.()
      .then(() => document.addEventListener('fullscreenchange', onFullscreen))
      .catch(() => {
        // Not allowed (no user gesture, an iframe): the panels still hide.
      });
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [presenting, store]);
  if (!presenting) return null;
  return (
    <button
      type="button"
      className="btn presentation-exit"
      onClick={() => store.getState().setPresenting(false)}
    >
      Exit presentation (Esc)
    </button>
  );
}
