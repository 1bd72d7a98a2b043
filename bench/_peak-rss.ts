import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident set, MB. On Linux `process.resourceUsage().maxRSS` of a child
 * starts at its parent's resident size when forked (it survives exec), so a bench child spawned by
 * a parent holding a large heap reported the parent's memory (545 MB printed for a 339 MB child);
 * /proc's VmHWM belongs to the new address space and starts at exec. Elsewhere: maxRSS.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
