/** Hands a text to the browser as a file download: a Blob behind an `<a download>` link (no downloads permission needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Late enough for the download to have started, even in a slow popup.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
