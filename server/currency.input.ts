import { z } from 'zod';

/**
 * A currency as an ISO 4217 code (`EUR`), upper-cased: the one rule for every input that names
 * a currency, commands and queries alike. The write model checks the same shape (`^[A-Z]{3}$`).
 */
export const currencyInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code');
