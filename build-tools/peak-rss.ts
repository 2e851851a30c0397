import * as fs from 'fs';

/**
 * This process's peak RSS in MB: Linux's VmHWM, which starts afresh at exec. A bench child's
 * `process.resourceUsage().maxRSS` does not: it keeps the peak of the forked copy of its parent
 * (the bench, holding its snapshot or dynalite's items), and would report the parent's size.
 * Elsewhere, maxRSS is what there is.
 */
export function peakRssMb(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const highWaterMark = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return highWaterMark ? Number(highWaterMark[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}
