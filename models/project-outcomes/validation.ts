import { z } from 'zod';
import { MAX_CNY, textField } from '../common/validation.ts';

/** A month YYYY-MM (the future is refused by the domain, in Asia/Shanghai). */
export const periodField = () =>
  z
    .string()
    .regex(/^(?:[0-9]{4})-(?:0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
    .refine((v) => v >= '2000-01', {
      message: 'must be a month from 2000-01',
    });
const count = () => z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000);
const cny = () => z.number().int('must be a whole number of CNY').min(0, 'must not be negative').max(MAX_CNY);

/** `PUT /v1/projects/{id}/outcomes/{YYYY-MM}`. */
export const outcomeBodySchema = z
  .object({
    employees: count(),
    graduatesHired: count(),
    localHires: count(),
    revenueCny: cny(),
    fundingRaisedCny: cny(),
    fundingSources: textField(1000).optional().describe('who the funding came from'),
    ipFilings: count(),
    registeredEnterprise: z.boolean().optional().describe('a registered enterprise by then (default false)'),
  })
  .strict();

export type OutcomeBody = z.infer<typeof outcomeBodySchema>;
