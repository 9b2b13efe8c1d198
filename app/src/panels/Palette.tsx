import { memo, useMemo, useState, type DragEvent } from 'react';
import {
  SERVICE_CATEGORIES,
  searchServices,
  type MissingService,
  type ServiceDefinition,
} from '@archgen/model';
import { ServiceIcon } from '../icons/ServiceIcon.tsx';
import { PALETTE_MIME } from '../canvas/flowTypes.ts';
import { addServiceRecommended } from '../commands/designCommands.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import { useCommandContext } from '../commands/CommandProvider.tsx';
import { PanelToggle } from './PanelToggle.tsx';

const PaletteItem = memo(function PaletteItem({
  service,
  term,
  onAdd,
}: {
  service: ServiceDefinition;
  /** The abbreviation or synonym the search matched ("k8s"), shown beside the name. */
  term?: string;
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
        <span className="palette-item__text">
          <span className="palette-item__name">{service.displayName}</span>
          {term && (
            <span className="palette-item__term" aria-hidden="true">
              “{term}”
            </span>
          )}
        </span>
      </button>
    </li>
  );
});

/** What the search says when the catalog lacks what was asked for, with the closest services. */
function MissingNotice({ missing, onAdd }: { missing: MissingService; onAdd(type: string): void }) {
  const { closest } = missing;
  return (
    <div className="palette__missing" role="status">
      <p className="palette__missing-text">
        {missing.notYet ? missing.name : `“${missing.name}”`} is not in the catalog yet.
      </p>
      {missing.notYet?.hint && <p className="palette__missing-hint">{missing.notYet.hint}</p>}
      {closest.length > 0 && (
        <section className="palette__group" aria-label="Closest match">
          <h3 className="palette__heading">{closest.length > 1 ? 'Closest matches' : 'Closest match'}</h3>
          <ul className="palette__list">
            {closest.map((service) => (
              <PaletteItem key={service.type} service={service} onAdd={onAdd} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/**
 * Services by category, or ranked search results while a query is typed (names, then
 * abbreviations, then synonyms from the catalog); items are dragged onto the canvas or a subnet.
 */
export function Palette() {
  const [query, setQuery] = useState('');
  const store = useAppStore();
  const open = useApp((s) => s.paletteOpen);
  const getContext = useCommandContext();
  const search = useMemo(() => searchServices(query), [query]);
  const searching = query.trim() !== '';
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
        {search.missing && <MissingNotice missing={search.missing} onAdd={onAdd} />}
        {searching
          ? search.ranked.length > 0 && (
              <section className="palette__group" aria-label="Search results">
                <h3 className="palette__heading">{search.missing ? 'Also found' : 'Results'}</h3>
                <ul className="palette__list">
                  {search.ranked.map((match) => (
                    <PaletteItem
                      key={match.service.type}
                      service={match.service}
                      term={match.term}
                      onAdd={onAdd}
                    />
                  ))}
                </ul>
              </section>
            )
          : groups.map((group) => (
              <section key={group.category} className="palette__group" aria-label={group.category}>
                <h3 className="palette__heading">{group.category}</h3>
                <ul className="palette__list">
                  {group.services.map((service) => (
                    <PaletteItem key={service.type} service={service} onAdd={onAdd} />
                  ))}
                </ul>
              </section>
            ))}
      </div>
    </nav>
  );
}
