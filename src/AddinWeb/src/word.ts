// The Word document, through Office.js: insert the template, read the file back, stamp row ids, select a row.
// Only available inside Word with WordApi 1.1 (1.3 to select); outside it the minutes pane downloads and uploads instead.
import { supports } from "./office";

const SLICE = 64 * 1024;

export const canEditDocument = (): boolean => supports("WordApi", "1.1") && typeof (window as { Word?: unknown }).Word !== "undefined";

/** Replaces the document's body with the given .docx (the minutes template). */
export async function insertDocument(base64: string): Promise<void> {
  await Word.run(async (context) => {
    context.document.body.insertFileFromBase64(base64, Word.InsertLocation.replace);
    await context.sync();
  });
}

/** The open document as .docx bytes, read in slices as Office hands them out. */
export function documentBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(result.error.message));
      const file = result.value;
      const parts: Uint8Array[] = [];
      const next = (index: number) =>
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            file.closeAsync();
            return reject(new Error(slice.error.message));
          }
          parts.push(new Uint8Array(slice.value.data as number[]));
          if (index + 1 < file.sliceCount) return next(index + 1);
          file.closeAsync();
          const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let offset = 0;
          for (const p of parts) {
            bytes.set(p, offset);
            offset += p.length;
          }
          resolve(bytes);
        });
      next(0);
    });
  });
}

const isActionRow = (tag: string) => tag === "collab:action" || tag.startsWith("collab:action:");

/**
 * Writes each published row's id into its content control's tag ("collab:action:{id}"), so the next publish matches
 * rows by id even after their text is edited. `rows` maps a row's position among the action rows (0-based) to its id.
 */
export async function stampActionIds(rows: Map<number, string>): Promise<number> {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load("items/tag");
    await context.sync();
    const actionRows = controls.items.filter((c) => isActionRow(c.tag));
    let stamped = 0;
    rows.forEach((id, index) => {
      const control = actionRows[index];
      if (control && control.tag !== `collab:action:${id}`) {
        control.tag = `collab:action:${id}`;
        stamped++;
      }
    });
    await context.sync();
    return stamped;
  });
}

/** Selects the action row at this position (0-based among action rows) so the note-taker sees what the report means. */
export async function selectActionRow(index: number): Promise<boolean> {
  return Word.run(async (context) => {
    const controls = context.document.contentControls;
    controls.load("items/tag");
    await context.sync();
    const control = controls.items.filter((c) => isActionRow(c.tag))[index];
    if (!control) return false;
    control.select();
    await context.sync();
    return true;
  });
}
