/**
 * Kernel priorities of process-layer events, after SimPy: among events at the same time,
 * URGENT ones (process starts, interrupts, capacity changes) run before NORMAL ones
 * (timeouts, triggered events, process completions); ties keep scheduling order. NORMAL is
 * the kernel's default priority, so plain-data events interleave with process events in
 * the order they were scheduled.
 */
export const EventPriority = { URGENT: -1, NORMAL: 0 } as const;
