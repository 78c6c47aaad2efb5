import assert from 'node:assert/strict';
import { FrameScheduler } from '../../../media/src/panel/scheduler';

/** A display that produces a frame every 16 ms, driven by the test. */
class FakeDisplay {
  time = 0;
  private nextFrame = 16;
  private queue: ((time: number) => void)[] = [];
  request = (callback: (time: number) => void) => {
    this.queue.push(callback);
  };
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.nextFrame <= end) {
      this.time = this.nextFrame;
      this.nextFrame += 16;
      const due = this.queue;
      this.queue = [];
      for (const callback of due) callback(this.time);
    }
    this.time = end;
  }
}

describe('redraw scheduler', () => {
  it('draws once for many marks in the same frame, with every part marked', () => {
    const display = new FakeDisplay();
    const draws: string[][] = [];
    const scheduler = new FrameScheduler<string>((parts) => draws.push([...parts].sort()), display.request);
    for (let i = 0; i < 100; i++) scheduler.mark(i % 2 ? ['curves'] : ['health']);
    display.advance(50);
    assert.deepEqual(draws, [['curves', 'health']]);
    assert.equal(scheduler.frames, 1);
  });

  it('draws at most 30 times a second however often it is marked', () => {
    const display = new FakeDisplay();
    const times: number[] = [];
    const scheduler = new FrameScheduler<string>(() => times.push(display.time), display.request);
    for (let ms = 0; ms < 1000; ms += 2) {
      scheduler.mark(['progress']);
      display.advance(2);
    }
    assert.ok(times.length <= 31, `${times.length} draws in one second`);
    assert.ok(times.length >= 20, `${times.length} draws: still keeps up`);
    for (let i = 1; i < times.length; i++)
      assert.ok(times[i] - times[i - 1] >= 32, `draws ${times[i - 1]} and ${times[i]} too close`);
  });

  it('does nothing when nothing is marked', () => {
    const display = new FakeDisplay();
    let draws = 0;
    const scheduler = new FrameScheduler<string>(() => draws++, display.request);
    scheduler.mark([]);
    display.advance(100);
    assert.equal(draws, 0);
  });
});
