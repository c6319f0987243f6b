/**
 * The counterpart's time-dependent concession curve (Faratin, Sierra & Jennings 1998), in utility terms:
 *   aspiration(t) = floor + (1 - floor) * (1 - f(t)),   f(t) = k + (1 - k) * t^(1/e)
 * t runs from 0 (opening) to 1 (its deadline). e < 1 holds out until late (Boulware); e > 1 concedes early
 * (Conceder). `floor` is the least the counterpart will accept, on its own 0..1 utility scale.
 */
export function concededShare(t: number, k: number, e: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  return k + (1 - k) * Math.pow(clamped, 1 / e);
}

export function aspiration(t: number, floor: number, k: number, e: number): number {
  return floor + (1 - floor) * (1 - concededShare(t, k, e));
}
