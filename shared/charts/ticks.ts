/**
 * Value-axis ticks on round numbers (1, 2 or 5 times a power of ten, as
 * people draw them by hand: 0, 5,000, 10,000 …), from zero to the first
 * tick at or above the largest value. recharts' own "nice" ticks can step by
 * 11,000 or 7,500; the charts pass these instead.
 */
export interface AxisTicks {
  ticks: number[];
  /** The axis ends here: the last tick. */
  top: number;
}

const STEPS = [1, 2, 5];

/** At most `most` intervals (at least 2 where the values allow); counts never get fractional ticks. */
export function roundTicks(max: number, most = 6, integers = true): AxisTicks {
  const high = Number.isFinite(max) && max > 0 ? max : 0;
  if (high === 0) return { ticks: [0, 1], top: 1 };
  let step = 0;
  for (let exp = Math.floor(Math.log10(high / most)) - 1; step === 0; exp++) {
    for (const s of STEPS) {
      const candidate = s * 10 ** exp;
      if (integers && candidate < 1) continue;
      if (Math.ceil(high / candidate - 1e-9) <= most) {
        step = candidate;
        break;
      }
    }
  }
  const count = Math.max(1, Math.ceil(high / step - 1e-9));
  // Built from integers so that 0.1 steps do not print 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const scale = 10 ** decimals;
  const ticks = Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * scale) / scale);
  return { ticks, top: ticks[ticks.length - 1] };
}
