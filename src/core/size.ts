/** A file size as people read it: 512 B, 1.6 KB, 3.2 MB (the TUI's file lists, the bot's receipts). */
export function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
