/**
 * Writes a value in the scenario's unit the way a rep reads money: "$K" gives "$223K", "$" gives "$223",
 * any other unit follows the number ("57 pts"). Shared by the terminal and the browser so both agree.
 */
export function formatValue(value: number, unit: string): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  const sign = value < 0 ? '-' : '';
  const abs = n.replace(/^-/, '');
  const currency = /^([$€£¥])(.*)$/.exec(unit);
  if (currency) return `${sign}${currency[1]}${abs}${currency[2]}`;
  return `${n} ${unit}`;
}
