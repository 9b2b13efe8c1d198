/**
 * Collapses or expands a side panel, so a small screen can give the canvas the room
 * ("Collapse services panel", aria-expanded says which way it is).
 */
export function PanelToggle({
  name,
  open,
  side,
  onToggle,
}: {
  name: string;
  open: boolean;
  side: 'left' | 'right';
  onToggle(open: boolean): void;
}) {
  // The arrow points where the panel goes: towards its edge to collapse, away to expand.
  const towardsEdge = side === 'left' ? '«' : '»';
  const awayFromEdge = side === 'left' ? '»' : '«';
  return (
    <button
      type="button"
      className="btn btn--icon btn--ghost panel-toggle"
      aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}
      aria-expanded={open}
      title={`${open ? 'Collapse' : 'Expand'} the ${name}`}
      onClick={() => onToggle(!open)}
    >
      <span aria-hidden="true">{open ? towardsEdge : awayFromEdge}</span>
    </button>
  );
}
