import { memo, useMemo, useState, type DragEvent } from 'react';
import { SERVICES, SERVICE_CATEGORIES, type ServiceDefinition } from '@archgen/model';
import { ServiceIcon } from '../icons/ServiceIcon.tsx';
import { PALETTE_MIME } from '../canvas/flowTypes.ts';
import { addServiceRecommended } from '../commands/designCommands.ts';
import { useAppStore } from '../store/context.tsx';
import { useCommandContext } from '../commands/CommandProvider.tsx';

function matches(service: ServiceDefinition, query: string): boolean {
  if (!query) return true;
  const haystack =
    `${service.displayName} ${service.type} ${service.category} ${service.description}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const PaletteItem = memo(function PaletteItem({
  service,
  onAdd,
}: {
  service: ServiceDefinition;
  onAdd(type: string): void;
}) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, service.type);
    event.dataTransfer.setData('text/plain', service.displayName);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className="palette-item"
        draggable
        onDragStart={onDragStart}
        onDoubleClick={() => onAdd(service.type)}
        onKeyDown={(e) => e.key === 'Enter' && onAdd(service.type)}
        aria-label={service.displayName}
        title={`${service.description}\nDrag onto the canvas or a subnet (Enter adds it to its usual subnet).`}
      >
        <ServiceIcon type={service.type} size={24} />
        <span className="palette-item__name">{service.displayName}</span>
      </button>
    </li>
  );
});

/** Services by category, searchable; items are dragged onto the canvas or into a subnet tier. */
export function Palette() {
  const [query, setQuery] = useState('');
  const store = useAppStore();
  const getContext = useCommandContext();
  const groups = useMemo(
    () =>
      SERVICE_CATEGORIES.map((category) => ({
        category,
        services: SERVICES.filter((s) => s.category === category && matches(s, query.trim())),
      })).filter((g) => g.services.length > 0),
    [query],
  );
  const onAdd = (type: string) => {
    const center = getContext().canvas?.viewportCenter() ?? { x: 0, y: 0 };
    // Into the service's recommended subnet (or outside the VPCs): drawn where it is placed.
    addServiceRecommended(store, type, center);
  };
  return (
    <nav className="palette" aria-label="Services">
      <div className="palette__search">
        <input
          type="search"
          placeholder="Search services"
          aria-label="Search services"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="palette__groups">
        {groups.map((group) => (
          <section key={group.category} className="palette__group" aria-label={group.category}>
            <h3 className="palette__heading">{group.category}</h3>
            <ul className="palette__list">
              {group.services.map((service) => (
                <PaletteItem key={service.type} service={service} onAdd={onAdd} />
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="empty">No service matches “{query}”.</p>}
      </div>
    </nav>
  );
}
