/**
 * Coalesces redraw requests into animation frames, at most one draw per `minIntervalMs`
 * (33 ms: no more than 30 redraws a second however fast progress messages arrive).
 */
export type FrameRequest = (callback: (time: number) => void) => unknown;

export class FrameScheduler<Part> {
  private dirty = new Set<Part>();
  private pending = false;
  private lastDraw = -Infinity;
  /** How many draws ran (tests and the status line read it). */
  frames = 0;

  constructor(
    private readonly draw: (parts: Set<Part>) => void,
    private readonly requestFrame: FrameRequest,
    private readonly minIntervalMs = 1000 / 30,
  ) {}

  /** Marks parts for the next frame. */
  mark(parts: Iterable<Part>): void {
    for (const part of parts) this.dirty.add(part);
    if (this.dirty.size > 0 && !this.pending) {
      this.pending = true;
      this.requestFrame(this.tick);
    }
  }

  private readonly tick = (time: number): void => {
    // Frames come at the display's rate; skip the ones that follow a draw too closely.
    if (time - this.lastDraw < this.minIntervalMs - 1) {
      this.requestFrame(this.tick);
      return;
    }
    this.pending = false;
    this.lastDraw = time;
    const parts = this.dirty;
    this.dirty = new Set();
    this.frames++;
    this.draw(parts);
  };
}
