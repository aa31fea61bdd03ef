// The embedding job reads only TEXT_FIELDS of an entity: they must be real columns and must be all
// that entityText uses, or the job would embed a different text than the write path hashed.
import { describe, expect, it } from 'vitest';
import { getTableColumns } from 'drizzle-orm';
import { sample } from '../../bench/gen.ts';
import { EMBEDDED_KINDS } from '../../models/embeddings/table.ts';
import { embeddedTables } from '../../models/embeddings/entities.ts';
import { entityText, TEXT_FIELDS } from '../../src/embedding/texts.ts';

describe('embedding text fields', () => {
  it.each(EMBEDDED_KINDS)('%s: TEXT_FIELDS are columns and all the text depends on', (kind) => {
    const columns = Object.keys(getTableColumns(embeddedTables[kind]));
    for (const f of TEXT_FIELDS[kind]) expect(columns).toContain(f);
    const rows = sample(kind, 200);
    for (const row of rows) {
      const narrow = Object.fromEntries(TEXT_FIELDS[kind].map((f) => [f, row[f]]));
      expect(entityText(kind, narrow)).toBe(entityText(kind, row));
    }
    // Dropping any one field changes the text of some row: the list has nothing extra either.
    for (const f of TEXT_FIELDS[kind]) {
      const changed = rows.some((row) => entityText(kind, { ...row, [f]: null }) !== entityText(kind, row));
      expect(changed, `${kind}.${f} is never used`).toBe(true);
    }
  });
});
