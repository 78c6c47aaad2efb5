// Waiting on elements of the workbench in ways that survive its re-rendering.
'use strict';

/**
 * The element's box once it is visible and laid out. The editor re-renders decorations when diagnostics are
 * published again, so a located element can vanish between finding and measuring it: wait and measure again.
 */
async function visibleBox(locator, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await locator.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    const box = await locator.boundingBox();
    if (box) return box;
    if (Date.now() > deadline) throw new Error('the element never stayed visible long enough to be measured');
  }
}

module.exports = { visibleBox };
