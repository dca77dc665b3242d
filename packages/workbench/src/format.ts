import { formatAmount } from './money';

/** 分 as 亿元 for a register's column, four decimals at most (exact, no float). */
export const yiOf = (fen: number | undefined): string => {
  if (fen === undefined) return '';
  const text = formatAmount(BigInt(fen), 'yi');
  const [whole, fraction = ''] = text.split('.');
  return fraction === '' ? whole! : `${whole}.${fraction.slice(0, 4)}`;
};

/** The colour of a traffic light on screen. */
export const LIGHT_COLOURS: Readonly<Record<string, string>> = {
  green: 'green',
  blue: 'blue',
  yellow: 'gold',
  red: 'red',
};
