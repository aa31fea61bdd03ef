// Field rules shared by the resources' zod schemas (the schemas themselves are derived from the tables).
// Importing @hono/zod-openapi extends zod with `.openapi()`; it must happen before any schema is
// built, or schemas made first (e.g. when seeds load models before the HTTP layer) lack the method.
import '@hono/zod-openapi';
import { z } from 'zod';
import { LANGS } from '../enums.ts';
import { isRegionCode } from '../regions/codes.ts';

export const MAX_NAME = 200;
export const MAX_TEXT = 20_000;
export const MAX_CNY = 2_147_483_647;

export const nameField = (max = MAX_NAME) => z.string().trim().min(1, 'must not be empty').max(max);
export const textField = (max = MAX_TEXT) => z.string().max(max);
export const externalIdField = () => z.string().trim().min(1).max(200);

export const regionCodeField = () =>
  z.string().refine(isRegionCode, {
    message: 'unknown region code: must be 540000 or a Tibet GB/T 2260 prefecture/county code',
  });

/** A non-empty list without duplicates (the contract: `languages` lists are never empty). */
export const nonEmptySet = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'must not be empty')
    .max(32)
    .refine((xs) => new Set(xs).size === xs.length, 'must not repeat values');
export const setOf = <T extends z.ZodType>(item: T, max = 64) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'must not repeat values');

export const languagesField = () => nonEmptySet(z.enum(LANGS));
export const cnyField = () => z.number().int('must be a whole number of CNY').min(0).max(MAX_CNY);

export const contactField = () =>
  z
    .object({
      phone: z.string().trim().max(40).optional(),
      email: z.email().max(320).optional(),
      wechat: z.string().trim().max(100).optional(),
    })
    .strict();

/**
 * A calendar date the database stores: YYYY-MM-DD from 0001-01-01 to 9999-12-31 (PostgreSQL has no
 * year 0, and would answer an error instead of a validation message).
 */
export const isoDate = () =>
  z.iso
    .date('must be a date YYYY-MM-DD')
    .refine((v) => !v.startsWith('0000'), 'must be a date from 0001-01-01 to 9999-12-31');

/** An instant (ISO-8601 with Z or an offset) whose UTC date lies in 0001–9999, the range the database and JavaScript's ISO form share. */
export const isoDateTime = () =>
  z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant, e.g. 2026-01-31T08:00:00Z' }).refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }, 'must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z');

/** Columns the server owns; stripped from request bodies. */
export const serverOwned = { id: true, createdAt: true, updatedAt: true } as const;
/** An embedded resource's match columns (see common/columns.ts) that the embedding pipeline writes. */
const matchWritten = { vector: true, vectorModel: true, keywords: true } as const;
/** All its match columns, never shown: those plus the generated keyword count. */
export const matchOwned = { ...matchWritten, keywordCount: true } as const;
/** Stripped from request bodies (insert schemas already leave generated columns out). */
export const embeddedServerOwned = { ...serverOwned, ...matchWritten } as const;
