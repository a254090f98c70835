/**
 * Province and nation figures are sums of counters, then the ratio — never a mean of
 * percentages. `sumCounts` is the one way to add units up.
 */
export function sumCounts<K extends string>(
  units: readonly Readonly<Record<K, number>>[],
  keys: readonly K[],
): Record<K, number> {
  const total = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const unit of units) {
    for (const key of keys) total[key] += unit[key];
  }
  return total;
}
