import { memo } from 'react';
import { getService } from '@archgen/model';
import { iconFor } from './index.ts';

/** A service's AWS icon, decorative (the surrounding control carries the name). */
export const ServiceIcon = memo(function ServiceIcon({ type, size = 32 }: { type: string; size?: number }) {
  const service = getService(type);
  const icon = iconFor(service?.icon, type);
  const category = service?.category.toLowerCase() ?? 'unknown';
  if (!icon)
    return (
      <span
        className={`service-icon service-icon--missing cat-${category}`}
        style={{ width: size, height: size }}
        aria-hidden="true"
      >
        {(service?.displayName ?? type).slice(0, 2)}
      </span>
    );
  return (
    <span
      className={`service-icon${icon.glyph ? ' service-icon--glyph' : ''} cat-${category}`}
      style={{ width: size, height: size }}
      aria-hidden="true"
    >
      <img
        src={icon.url}
        alt=""
        width={icon.glyph ? size - 6 : size}
        height={icon.glyph ? size - 6 : size}
        draggable={false}
      />
    </span>
  );
});
