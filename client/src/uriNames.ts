/** File names from URI paths (always `/`-separated, on every platform and in the web, unlike node:path). */

/** The last segment of a path, without `extension` (e.g. '.nn') when it ends with it. */
export function baseName(path: string, extension?: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return extension && name.endsWith(extension) && name !== extension ? name.slice(0, -extension.length) : name;
}

/** The extension of a path's last segment, with its dot (e.g. '.onnx'), or '' when it has none. */
export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}
