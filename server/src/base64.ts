/** Base64 without Node's Buffer, so the same code runs in the Node server and in the web worker server. */

/** The base64 text of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices, so String.fromCharCode never receives more arguments than an engine accepts.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The base64 text of `text` encoded as UTF-8. */
export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}
