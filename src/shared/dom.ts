type Leaf = Node | string | null | undefined | false;
/** A child, or a list of them: pass long lists as one array, never spread into arguments. */
type Child = Leaf | readonly Leaf[];
type Attrs = Record<string, string | number | boolean | undefined>;

/**
 * Creates an element. Strings become text nodes (`textContent`), never HTML: text from the data
 * can hold anything. Attributes set to `false` or `undefined` are left out, `true` sets them empty.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  appendAll(el, children);
  return el;
}

/**
 * Appends children one by one: `append(...list)` passes every item as an argument, and a list
 * of 64,000 route buttons overflows the call stack.
 */
export function appendAll(el: Element, children: Iterable<Child>): void {
  for (const child of children) {
    if (Array.isArray(child)) appendAll(el, child as readonly Leaf[]);
    else if (child !== null && child !== undefined && child !== false)
      el.append(child as Node | string);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  appendAll(el, children);
}

/**
 * Lets the browser paint and handle input before the next piece of work: a page that mounts its
 * panels in one go holds the main thread for one long task, and a host page's reader feels it.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `work` once after the next paint (a frame, then a task), however many times it is asked
 * for before then: a control's visible answer paints first, and what no reader sees at once (the
 * visually hidden data table) follows in a task of its own. `request()` asks for the work,
 * `cancel()` drops a pending one (teardowns, or work made stale by a newer render).
 */
export function afterPaint(work: () => void): { request(): void; cancel(): void } {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    request() {
      if (frame || timer !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = setTimeout(() => {
          timer = undefined;
          work();
        }, 0);
      });
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
      frame = 0;
      timer = undefined;
    },
  };
}

/**
 * Runs each of `steps` in an idle period of its own (`requestIdleCallback`, or a timeout where
 * there is none), in order; returns the function that drops the steps not run yet. For work no
 * reader waits on now but a control would otherwise do in its click (issue 20: the first switch
 * to another language made its number and date formatters, tens of ms on a phone).
 */
export function whenIdle(steps: readonly (() => void)[]): () => void {
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => number })
    .requestIdleCallback;
  const cancelIdle = (globalThis as { cancelIdleCallback?: (id: number) => void })
    .cancelIdleCallback;
  let next = 0;
  let pending: number | ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    pending = undefined;
    steps[next++]?.();
    if (next < steps.length) schedule();
  };
  const schedule = () => {
    pending = idle ? idle(run) : setTimeout(run, 50);
  };
  if (steps.length > 0) schedule();
  return () => {
    next = steps.length;
    if (pending === undefined) return;
    if (idle && cancelIdle) cancelIdle(pending as number);
    else clearTimeout(pending);
    pending = undefined;
  };
}
