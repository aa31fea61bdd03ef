// The shape every contract resource shares: a table, its zod body schema, a policy saying who may
// read and write which rows and fields, and hooks for what is not a plain column (e.g. founderIds).
import type { SQL } from 'drizzle-orm';
import type { PgTable, PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import type { EmbeddedKind } from '../../models/embeddings/table.ts';

export type Row = Record<string, any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Per-request facts the visibility rules need, computed at most once per request. */
export interface ReadContext {
  actor: Actor;
  db: Db;
  /** Mentor/investor ids that accepted an introduction to one of the calling founder's projects. */
  revealedContacts(): Promise<Set<string>>;
}

export interface FilterDef {
  /** Query-string parameter. */
  name: string;
  schema: z.ZodType;
  description: string;
  where(value: any): SQL;
}

export type WriteOp = 'create' | 'update' | 'delete';

export interface ResourcePolicy {
  /** Rows the actor may see: a condition, `'all'` or `'none'`. Out-of-scope reads are 404. */
  scope(actor: Actor): SQL | 'all' | 'none';
  /**
   * May the actor write this record? `before` is the stored record (update/delete), `after` the
   * proposed one (create/update). Returns a reason when not allowed (→ 403; the row is in scope).
   */
  checkWrite(actor: Actor, op: WriteOp, before: Row | null, after: Row | null): string | null;
  /** Fills fields the actor's binding decides (e.g. center staff create in their own center). */
  defaults?(actor: Actor, body: Row): Row;
  /** Field names to hide from this actor in this row. */
  hidden?(ctx: ReadContext, row: Row): Promise<string[]> | string[];
}

export interface ResourceDef {
  /** URL segment and resource name, e.g. `projects`. */
  name: string;
  /** Singular for messages, e.g. `project`. */
  singular: string;
  table: PgTable & { id: PgColumn; externalId: PgColumn };
  /** Request body for create and upsert; PATCH uses its partial. */
  bodySchema: z.ZodObject<any>;
  /** Checks on the merged record (cross-field rules that PATCH could break). */
  invariants?: z.ZodType;
  filters: FilterDef[];
  policy: ResourcePolicy;
  /** Embedded resources: kind in the embeddings table. */
  embedded?: EmbeddedKind;
  /** Columns the server keeps and the response shows but no body writes (e.g. a project's submittedAt), for the OpenAPI document. */
  readOnly?: Record<string, z.ZodType>;
  /** Body fields stored outside the table (e.g. project founderIds). */
  relations?: {
    fields: string[];
    /** With `actor` (rows being presented) it may add read-only fields for that actor (e.g. pending invitations). */
    load(db: Executor, ids: string[], actor?: Actor): Promise<Map<string, Row>>;
    /** `actor` decides what naming a relation does (e.g. a founder invites co-founders, staff add them). */
    save(tx: Tx, id: string, body: Row, actor: Actor): Promise<void>;
    /** Read-only fields `load` adds for the response, for the OpenAPI document. */
    readOnly?: Record<string, z.ZodType>;
  };
  /** References to check before writing: returns field issues (unknown or invisible ids). */
  checkRefs?(ctx: ReadContext, record: Row): Promise<{ path: string; message: string }[]>;
  /** Audit entries for a change (e.g. a vetting decision). */
  audit?(before: Row | null, after: Row): { action: string; detail: Row } | null;
  /** Server-decided values of a write (e.g. when a consent was given); `before` is null on create. */
  prepare?(before: Row | null, body: Row, actor: Actor): Row;
  /** What DELETE does, for the OpenAPI document, when it is not a plain delete. */
  deleteDescription?: string;
  /** DELETE replaced by an erasure that keeps the row (personal data): runs in the delete's transaction. */
  erase?(tx: Tx, actor: Actor, before: Row): Promise<void>;
  /**
   * Runs in the delete's transaction before the row goes (src/resources/retire.ts): ends what the
   * removal ends, revokes keys; true when the row has history and was archived instead (it stays).
   */
  retire?(tx: Tx, actor: Actor, before: Row): Promise<boolean>;
}
