import type { Metadata } from 'next';
import { z } from 'zod';
import { NewOrderForm } from './NewOrderForm';

export const metadata: Metadata = { title: 'New order' };

export default async function NewOrderPage(props: { searchParams: Promise<{ customer?: string }> }) {
  const { customer } = await props.searchParams;
  const presetCustomerId = z.uuid().safeParse(customer);
  return <NewOrderForm presetCustomerId={presetCustomerId.success ? presetCustomerId.data : undefined} />;
}
