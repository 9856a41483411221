// Files the panes hand to people or to Word: one way to save a download, one way to make base64 for Office.js.

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Saves bytes as a download named after what they are (characters Windows refuses become "_"). */
export function saveFile(bytes: ArrayBuffer | Uint8Array, name: string, type = DOCX): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name.replace(/[\\/:*?"<>|]/g, "_") });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Base64 for insertFileFromBase64, in chunks (a spread of the whole file would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
