/** Saves text or bytes as a file through a local blob: URL (nothing leaves the browser). */
export function download(data: string | Uint8Array, fileName: string, type = 'text/csv;charset=utf-8') {
	const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
