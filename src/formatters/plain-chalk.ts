// The colourless chalk that text formatters fall back to when they are given none.
import { Chalk, type ChalkInstance } from 'chalk';

// Made on first use: creating a chalk loads its terminal detection, which reports without colour never need.
let plain: ChalkInstance | undefined;

export function plainChalk(): ChalkInstance {
  return (plain ??= new Chalk({ level: 0 }));
}
