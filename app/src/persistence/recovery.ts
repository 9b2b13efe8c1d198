import type { RestoredAutosave, UnreadableAutosave } from './autosave.ts';

/** What the recovery notice says and offers, worked out here so the component only renders. */
export interface RecoveryMessage {
  title: string;
  lines: string[];
  downloads: { label: string; fileName: string; text: string }[];
}

const SLOT_NAMES = { newest: 'Your newest autosave', backup: 'The backup autosave' } as const;

function keptLine(item: UnreadableAutosave): string {
  if (item.keptAs)
    return `It is kept unchanged in this browser (as ${item.keptAs}); new changes will not overwrite it.`;
  return 'This browser would not store a copy of it, so autosave is paused to leave it in place: download it now.';
}

/** The notice for what autosave found at startup, or null when everything it found was readable. */
export function recoveryMessage(restored: RestoredAutosave | null): RecoveryMessage | null {
  if (!restored || restored.unreadable.length === 0) return null;
  const newest = restored.unreadable.find((u) => u.slot === 'newest');
  const title =
    restored.from === 'backup'
      ? 'Restored the previous autosave'
      : newest
        ? 'Your autosaved design could not be opened'
        : 'An older autosave could not be read';
  const lines: string[] = [];
  for (const item of restored.unreadable) {
    lines.push(`${SLOT_NAMES[item.slot]} ${item.newer ? 'was ' : ''}${item.reason}.`);
    if (item.newer) lines.push('Open it with the newer version of archgen, or download it.');
    lines.push(keptLine(item));
  }
  if (restored.from === 'backup')
    lines.push('Showing the previous autosave instead; your most recent changes may be missing from it.');
  else if (!restored.design) lines.push('You are starting from a blank design.');
  const downloads = restored.unreadable.map((item) => ({
    label:
      item.slot === 'newest' ? 'Download the unreadable autosave' : 'Download the unreadable backup autosave',
    // A newer version's file opens in that version; anything else is raw text to inspect or repair.
    fileName: item.newer
      ? `archgen-autosave-${item.slot}.archdesign.json`
      : `archgen-unreadable-autosave-${item.slot}.txt`,
    text: item.text,
  }));
  return { title, lines, downloads };
}
