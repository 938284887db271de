/** Median of a list of numbers (the list is not modified). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Formats `ours / theirs` as a ratio with two decimals. */
export function ratio(ours, theirs) {
  return Number((ours / theirs).toFixed(2));
}
