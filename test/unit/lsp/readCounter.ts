/**
 * Counts the work a function does on its input: wraps a value so that every property read anywhere in
 * its object graph adds one to a counter. A function whose reads double when its input doubles is linear,
 * whatever the machine's speed.
 */
export interface Counted<T> {
  value: T;
  reads(): number;
}

/** Objects whose methods need their real `this` (internal slots) are passed through unwrapped. */
function wrappable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  return !(
    value instanceof Map ||
    value instanceof Set ||
    value instanceof WeakMap ||
    ArrayBuffer.isView(value) ||
    value instanceof Date ||
    value instanceof RegExp
  );
}

/** `uncounted`: parts of the graph to leave out (say, a line index whose binary search is known to be O(log n)). */
export function countReads<T extends object>(root: T, uncounted: (value: object) => boolean = () => false): Counted<T> {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (target: object): object => {
    let proxy = proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get(object, key, receiver) {
          reads++;
          const value = Reflect.get(object, key, receiver);
          const own = Object.getOwnPropertyDescriptor(object, key);
          // A frozen property must read as itself (a proxy invariant).
          if (own && !own.configurable && !own.writable) return value;
          return wrappable(value) && !uncounted(value) ? wrap(value) : value;
        },
      });
      proxies.set(target, proxy);
    }
    return proxy;
  };
  return { value: wrap(root) as T, reads: () => reads };
}
