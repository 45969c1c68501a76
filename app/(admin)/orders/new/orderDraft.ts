import type { z } from 'zod';
import type { DescribedError } from '@/app/_components/trpcErrors';

/** A product as picked for an order: what the search index said when it was picked. */
export interface PickedProduct {
  id: string;
  sku: string;
  name: string;
  priceCents: number;
  currency: string;
  stockTotal: number;
}

export interface DraftLine {
  product: PickedProduct;
  /** As typed: a number, or '' while the field is empty. */
  quantity: number | string;
}

export type DraftTotal = { currency: string; cents: number } | { currency: null; currencies: string[] };

/** What the order would cost at the picked prices; null currency when the lines mix currencies. */
export function draftTotal(lines: readonly DraftLine[]): DraftTotal | undefined {
  if (lines.length === 0) return undefined;
  const currencies = [...new Set(lines.map((line) => line.product.currency))];
  if (currencies.length > 1) return { currency: null, currencies };
  const cents = lines.reduce((sum, line) => sum + (typeof line.quantity === 'number' ? line.quantity : 0) * line.product.priceCents, 0);
  return { currency: currencies[0]!, cents };
}

/** Messages for the form: the customer field, the lines as a whole, and each line by product id. */
export interface DraftErrors {
  customer?: string;
  lines?: string;
  byProduct: Record<string, string>;
  form?: string;
}

/** The command schema's issues, placed where the form shows them (`lines.2.quantity` → the third line). */
export function errorsFromIssues(issues: readonly z.core.$ZodIssue[], lines: readonly DraftLine[]): DraftErrors {
  const errors: DraftErrors = { byProduct: {} };
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (field === 'customerId') errors.customer ??= 'Choose a customer';
    else if (field === 'lines' && typeof index === 'number' && lines[index]) errors.byProduct[lines[index].product.id] ??= issue.message;
    else if (field === 'lines') errors.lines ??= issue.message;
    else errors.form ??= issue.message;
  }
  return errors;
}

/** A server refusal, next to the line it is about when the rule names a product. */
export function errorsFromRefusal(refusal: DescribedError, lines: readonly DraftLine[]): DraftErrors {
  const productId = typeof refusal.details.productId === 'string' ? refusal.details.productId : undefined;
  const line = productId ? lines.find((l) => l.product.id === productId) : undefined;
  if (line && refusal.rule === 'insufficient-stock') {
    const { available, requested } = refusal.details as { available: number; requested: number };
    return { byProduct: { [line.product.id]: `Not enough stock: ${requested} requested, only ${available} available` } };
  }
  if (line && refusal.rule === 'product-not-orderable') {
    return { byProduct: { [line.product.id]: `This product is ${String(refusal.details.status)} and cannot be ordered` } };
  }
  const fields = refusal.fields;
  if (fields.customerId || fields.lines) {
    return { byProduct: {}, customer: fields.customerId?.join(', '), lines: fields.lines?.join(', ') };
  }
  return { byProduct: {}, form: refusal.message };
}
