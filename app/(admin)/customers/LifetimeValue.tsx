import type { Amount } from '@/server/queries/lifetimeValues';
import { formatMoney } from '@/app/_components/money';

/** Orders not cancelled, one amount per currency; a dash before the first. */
export function LifetimeValue({ amounts }: { amounts: Amount[] }) {
  if (amounts.length === 0) return <>—</>;
  return <>{amounts.map((amount) => formatMoney(amount.cents, amount.currency)).join(' + ')}</>;
}
