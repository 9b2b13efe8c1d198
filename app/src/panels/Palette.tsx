import { memo, useMemo, useState, type DragEvent } from 'react';
import { SERVICE_CATEGORIES, searchServices, type ServiceDefinition } from '@archgen/model';
import { ServiceIcon } from '../icons/ServiceIcon.tsx';
import { PALETTE_MIME } from '../canvas/flowTypes.ts';
import { addServiceRecommended } from '../commands/designCommands.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { useCommandContext } from '../commands/CommandProvider.tsx';
import { PanelToggle } from './PanelToggle.tsx';

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
  const open = useApp((s) => s.paletteOpen);
  const getContext = useCommandContext();
  // Names, abbreviations and keywords from the catalog ("elb", "k8s", "bucket").
  const search = useMemo(() => searchServices(query), [query]);
  const groups = useMemo(
    () =>
      SERVICE_CATEGORIES.map((category) => ({
        category,
        services: search.matches.filter((s) => s.category === category),
      })).filter((g) => g.services.length > 0),
    [search],
  );
  const onAdd = (type: string) => {
    const center = getContext().canvas?.viewportCenter() ?? { x: 0, y: 0 };
    // Into the service's recommended subnet (or outside the VPCs): drawn where it is placed.
    addServiceRecommended(store, type, center);
  };
  if (!open)
    return (
      <nav className="palette palette--collapsed" aria-label="Services">
        <PanelToggle
          name="services panel"
          open={false}
          side="left"
          onToggle={store.getState().setPaletteOpen}
        />
      </nav>
    );
  return (
    <nav className="palette" aria-label="Services">
      <div className="palette__search">
        <PanelToggle name="services panel" open side="left" onToggle={store.getState().setPaletteOpen} />
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
        {search.missing && (
          <div className="palette__missing" role="status">
            <p className="empty">
              {search.missing.name} is not in the catalog yet.
              {search.missing.closest && ' The closest service:'}
            </p>
            {search.missing.closest && (
              <section className="palette__group" aria-label="Closest match">
                <ul className="palette__list">
                  <PaletteItem service={search.missing.closest} onAdd={onAdd} />
                </ul>
              </section>
            )}
          </div>
        )}
      </div>
    </nav>
  );
}
