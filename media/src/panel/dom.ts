/**
 * DOM helpers. Text always goes in through `textContent`, never as HTML, so names from the data
 * (CSV headers, class names, file names) can hold any characters.
 */

export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    // Event handler attributes would run code; the views attach listeners instead.
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing attribute ${name}`);
    node.setAttribute(name, value);
  }
  for (const child of children) node.appendChild(child);
  return node;
}

/** Sets an element's text only when it changed (cheap to call every frame). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A button that runs `onClick`; the label is text. */
export function button(label: string, onClick: () => void, options: ElementOptions = {}): HTMLButtonElement {
  const node = el('button', { ...options, text: label, attrs: { type: 'button', ...(options.attrs ?? {}) } });
  node.addEventListener('click', onClick);
  return node;
}

/** A titled card that holds one view. */
export function card(
  title: string,
  ...children: Node[]
): { root: HTMLElement; body: HTMLElement; heading: HTMLElement } {
  const heading = el('h2', { text: title });
  const body = el('div', { className: 'card-body' }, ...children);
  const root = el('section', { className: 'card' }, heading, body);
  return { root, body, heading };
}

/** A canvas whose backing store matches its CSS size at the device pixel ratio. */
export function sizeCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
