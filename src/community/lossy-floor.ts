// The count floor of lossy counting, shared by the stem and pair tables of a profile build.

/**
 * Raises `floor` one at a time until at most `keep` entries are counted above it; `above(f)` says how many are.
 * Returns the floor reached and how many entries are left above it (`size`, the current number, when nothing needs
 * dropping). Entries at or below the floor are then dropped by the caller; the floor is recorded in the profile,
 * as counts below it are incomplete.
 */
export function risingFloor(size: number, keep: number, floor: number, above: (f: number) => number): { floor: number; left: number } {
  let f = floor;
  let left = size;
  while (left > keep) {
    f++;
    left = above(f);
  }
  return { floor: f, left };
}
