/** What the client told the server about itself in `initializationOptions` (see `ClientInitializationOptions`). */
export interface ClientOptions {
  /** The client renders Markdown images in hovers and completion docs. */
  hoverImages: boolean;
}

/** Reads `initializationOptions`; anything missing or mistyped means "no". */
export function clientOptions(raw: unknown): ClientOptions {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { hoverImages: record.hoverImages === true };
}
