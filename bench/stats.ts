/** Summaries of repeated timings: the median and the spread around it. */

/** The median, quartiles and extremes of a set of samples. */
export interface Summary {
  median: number;
  /** First quartile (25th percentile), linear interpolation. */
  q1: number;
  /** Third quartile (75th percentile), linear interpolation. */
  q3: number;
  min: number;
  max: number;
  count: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("summarize: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    count: sorted.length,
  };
}

function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}

/**
 * Summarizes the ratio of each sample to the median of `baseline`, for a
 * figure reported relative to a floor measured in the same run.
 */
export function ratioTo(
  samples: readonly number[],
  baseline: Summary,
): Summary {
  return summarize(samples.map((sample) => sample / baseline.median));
}
