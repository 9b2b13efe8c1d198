import { memo, useRef, useState } from 'react';
import type { Note } from '@archgen/model';
import { useApp, useAppStore } from '../store/context.tsx';
import type { AppState } from '../store/appStore.ts';
import { Dialog } from '../panels/Dialog.tsx';
import { MAX_NOTE_LENGTH, addNote, deleteNote, updateNote } from './reviewCommands.ts';
import { targetName } from './targets.ts';

/** A primitive, so a node re-renders only when its own note count changes. */
const selectNoteCount = (targetId: string) => (s: AppState) =>
  s.design.notes.reduce((n, note) => (note.targetId === targetId ? n + 1 : n), 0);

/** The pin on a node or connection with notes: shows the count, opens the notes. */
export const NotePin = memo(function NotePin({ targetId, name }: { targetId: string; name: string }) {
  const store = useAppStore();
  const count = useApp(selectNoteCount(targetId));
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="note-pin nodrag nopan"
      aria-label={`${count} ${count === 1 ? 'note' : 'notes'} on ${name}`}
      title={`${count} ${count === 1 ? 'note' : 'notes'}`}
      onClick={(e) => {
        e.stopPropagation();
        store.getState().openNotes(targetId);
      }}
    >
      <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
        <path d="M3 2h10v9H8l-3 3v-3H3z" fill="currentColor" />
      </svg>
      {count}
    </button>
  );
});

/** The inspector's notes line: how many notes, and "Add note". */
export function NotesSection({ targetId }: { targetId: string }) {
  const store = useAppStore();
  const count = useApp(selectNoteCount(targetId));
  const readOnly = useApp((s) => s.readOnly);
  return (
    <div className="notes-section">
      <span className="field__label">Notes</span>
      {count > 0 && (
        <button type="button" className="btn btn--tiny" onClick={() => store.getState().openNotes(targetId)}>
          Show {count} {count === 1 ? 'note' : 'notes'}
        </button>
      )}
      <button
        type="button"
        className="btn btn--tiny"
        disabled={readOnly}
        onClick={() => store.getState().openNotes(targetId)}
      >
        Add note
      </button>
    </div>
  );
}

function NoteItem({ note, readOnly }: { note: Note; readOnly: boolean }) {
  const store = useAppStore();
  const [editing, setEditing] = useState<string | null>(null);
  if (editing !== null)
    return (
      <li className="note note--editing">
        <textarea
          className="input"
          rows={3}
          aria-label="Edit note"
          maxLength={MAX_NOTE_LENGTH}
          value={editing}
          autoFocus
          onChange={(e) => setEditing(e.target.value)}
        />
        <div className="note__actions">
          <button type="button" className="btn btn--tiny" onClick={() => setEditing(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--tiny btn--primary"
            disabled={!editing.trim()}
            onClick={() => {
              updateNote(store, note.id, editing);
              setEditing(null);
            }}
          >
            Save
          </button>
        </div>
      </li>
    );
  return (
    <li className="note">
      <p className="note__text">{note.text}</p>
      {!readOnly && (
        <div className="note__actions">
          <button type="button" className="btn btn--tiny" onClick={() => setEditing(note.text)}>
            Edit
          </button>
          <button
            type="button"
            className="btn btn--tiny btn--danger-ghost"
            onClick={() => deleteNote(store, note.id)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** The notes pinned to one node, connection or VPC: read, add, edit, delete. */
export function NotesDialog() {
  const store = useAppStore();
  const targetId = useApp((s) => s.notesTargetId);
  const design = useApp((s) => s.design);
  const readOnly = useApp((s) => s.readOnly);
  const [text, setText] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const close = () => store.getState().openDialog(null);
  if (!targetId) return null;
  const notes = design.notes.filter((n) => n.targetId === targetId);
  const add = () => {
    if (!addNote(store, targetId, text)) return;
    setText('');
    // The Add note button is disabled once the text is cleared; keep focus in the dialog.
    textarea.current?.focus();
  };
  return (
    <Dialog title={`Notes on ${targetName(design, targetId)}`} onClose={close}>
      {notes.length === 0 ? (
        <p className="empty">No notes yet.</p>
      ) : (
        <ul className="notes" aria-label="Notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} readOnly={readOnly} />
          ))}
        </ul>
      )}
      {!readOnly && (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label className="field">
            <span className="field__label">New note</span>
            <textarea
              className="input"
              rows={3}
              maxLength={MAX_NOTE_LENGTH}
              value={text}
              ref={textarea}
              data-autofocus
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <button type="submit" className="btn btn--primary" disabled={!text.trim()}>
            Add note
          </button>
        </form>
      )}
    </Dialog>
  );
}
