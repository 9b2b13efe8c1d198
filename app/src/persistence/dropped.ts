import type { PickedFile } from '../panels/Toolbar.tsx';

/** Folders hold at most this many files to import (a cdk.out, a Terraform root with modules). */
const MAX_DROPPED_FILES = 2000;

async function readEntry(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (into.length >= MAX_DROPPED_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    into.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns a batch at a time; an empty batch ends the folder.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return;
    for (const child of batch) await readEntry(child, into);
  }
}

/**
 * The files of a drop, folders included (a dropped cdk.out or Terraform folder), each with its
 * path inside what was dropped. Browsers without entries give the top-level files only.
 */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => Boolean(e));
  if (entries.length === 0 || entries.every((e) => e.isFile))
    return [...data.files].map((file) => ({ path: file.name, file }));
  const picked: PickedFile[] = [];
  for (const entry of entries) await readEntry(entry, picked);
  return picked;
}
