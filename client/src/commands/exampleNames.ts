/**
 * The bundled examples (examples/NAME.nn), listed here because a web extension cannot list its own folder
 * (its files may be served over HTTP). A unit test holds this list to the folder.
 */
export const EXAMPLE_NAMES = ['circle-features', 'flawed', 'iris', 'regression', 'spirals', 'xor'] as const;

/** The name an example opens under: `NAME.nn`, or `NAME-2.nn`, … when that name is taken by an open document. */
export function untitledExampleName(name: string, taken: (fileName: string) => boolean): string {
  for (let n = 1; ; n++) {
    const fileName = n === 1 ? `${name}.nn` : `${name}-${n}.nn`;
    if (!taken(fileName)) return fileName;
  }
}
