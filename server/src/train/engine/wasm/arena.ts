/**
 * One network's WebAssembly memory and kernel instance. The memory is sized once, before any view is made,
 * and never grows, so the Float32Array views handed out stay valid for the network's life.
 */
import { kernelModule, type KernelExports } from './kernels';

const PAGE = 65536;
/** Offset 0 means "no buffer" to the kernels, so allocation starts past it. */
const FIRST = 64;

export class WasmArena {
  readonly kernels: KernelExports;
  readonly memory: WebAssembly.Memory;
  private readonly buffer: ArrayBuffer;
  private next = FIRST;

  private constructor(module: WebAssembly.Module, floats: number) {
    const pages = Math.ceil((FIRST + floats * 4) / PAGE) + 1;
    this.memory = new WebAssembly.Memory({ initial: pages });
    this.buffer = this.memory.buffer;
    const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
    this.kernels = instance.exports as unknown as KernelExports;
  }

  /** An arena of `floats` floats for the path's kernels, or undefined when they or the memory are unavailable. */
  static create(path: 'simd' | 'relaxed', floats: number): WasmArena | undefined {
    const module = kernelModule(path);
    if (!module || floats * 4 > 2 ** 31) return undefined;
    try {
      return new WasmArena(module, floats);
    } catch {
      return undefined;
    }
  }

  /** A zeroed buffer of `length` floats, 16-byte aligned, in the arena (or an ordinary one when it is full). */
  take(length: number): Float32Array {
    const bytes = length * 4;
    if (this.next + bytes > this.buffer.byteLength) return new Float32Array(length);
    const view = new Float32Array(this.buffer, this.next, length);
    this.next += (bytes + 15) & ~15;
    return view;
  }

  /** Whether the kernels can read `view` in place. */
  holds(view: ArrayBufferView): boolean {
    return view.buffer === this.buffer;
  }
}
