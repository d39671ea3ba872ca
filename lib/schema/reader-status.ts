import * as z from 'zod/mini';
import { readFailureSchema, wholeCount } from './snapshot';

/**
 * A tab's reader status, as the background keeps it (lib/schema/tab-state.ts) and sends it to the
 * page's chip (lib/schema/from-background.ts). Its own file because the content script carries it:
 * importing a module builds every zod schema in it, and the content script's size has a budget.
 * A plain union, not a discriminated one: it alone would bring the discriminated union's half a
 * kilobyte into the content script; the options differ in their `state` literal all the same.
 */
export const readerStatusSchema = z.union([
  z.object({ state: z.literal('idle') }),
  /** Reading; `rows` = table rows on the page (a big page takes a while). */
  z.object({ state: z.literal('reading'), rows: z.optional(wholeCount()) }),
  z.object({
    state: z.literal('read'),
    rows: wholeCount(),
    reader: z.string().check(z.maxLength(64)),
  }),
  z.object({
    state: z.literal('failed'),
    failure: readFailureSchema,
    reader: z.nullable(z.string().check(z.maxLength(64))),
  }),
]);
export type ReaderStatus = z.infer<typeof readerStatusSchema>;
