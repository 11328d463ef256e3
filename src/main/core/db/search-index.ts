// What search finds in a record, in ONE place: the triggers, the rebuild after a migration and any
// bulk loader use these statements, so every path indexes the same text. The text is what the clerk
// sees: 题名, 责任者, 文号, 备注 and the 档号 as displayed (stored at filing, never re-rendered).
// Two indexes (see grams.ts): trigram FTS for terms of 3+ characters, character pairs for 2.
// Changing what is indexed takes a new migration that runs searchIndexStatements() again.

/** The records columns search reads, as stored. */
export const SEARCH_COLUMNS = ['title', 'responsible', 'doc_number', 'notes', 'archival_code'] as const;

const columns = SEARCH_COLUMNS.join(', ');
const of = (row: string) => SEARCH_COLUMNS.map((c) => `${row}.${c}`).join(', ');

/** The character-pair tokens of a row (`row`: new, old or a table alias); needs sanwu_grams registered. */
export const gramsOf = (row: string): string => `sanwu_grams(${of(row)})`;

/** Drops and recreates both indexes and their triggers, then fills them from the records table. */
export function searchIndexStatements(): string[] {
  return [
    'DROP TRIGGER IF EXISTS records_fts_insert',
    'DROP TRIGGER IF EXISTS records_fts_update',
    'DROP TRIGGER IF EXISTS records_fts_delete',
    'DROP TRIGGER IF EXISTS records_grams_insert',
    'DROP TRIGGER IF EXISTS records_grams_update',
    'DROP TABLE IF EXISTS records_fts',
    'DROP TABLE IF EXISTS records_grams',
    `CREATE VIRTUAL TABLE records_fts USING fts5 (${columns}, content = 'records', content_rowid = 'id', tokenize = 'trigram')`,
    `CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
      INSERT INTO records_fts (rowid, ${columns}) VALUES (new.id, ${of('new')});
    END`,
    `CREATE TRIGGER records_fts_update AFTER UPDATE OF ${columns} ON records BEGIN
      INSERT INTO records_fts (records_fts, rowid, ${columns}) VALUES ('delete', old.id, ${of('old')});
      INSERT INTO records_fts (rowid, ${columns}) VALUES (new.id, ${of('new')});
    END`,
    `CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
      INSERT INTO records_fts (records_fts, rowid, ${columns}) VALUES ('delete', old.id, ${of('old')});
    END`,
    `CREATE VIRTUAL TABLE records_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'ascii')`,
    `CREATE TRIGGER records_grams_insert AFTER INSERT ON records BEGIN
      INSERT INTO records_grams (rowid, grams) VALUES (new.id, ${gramsOf('new')});
    END`,
    `CREATE TRIGGER records_grams_update AFTER UPDATE OF ${columns} ON records BEGIN
      DELETE FROM records_grams WHERE rowid = old.id;
      INSERT INTO records_grams (rowid, grams) VALUES (new.id, ${gramsOf('new')});
    END`,
    ...rebuildSearchIndexStatements(),
  ];
}

/** Refills both indexes from the records table (after a bulk load that bypassed the triggers). */
export function rebuildSearchIndexStatements(): string[] {
  return [
    `INSERT INTO records_fts (records_fts) VALUES ('rebuild')`,
    'DELETE FROM records_grams',
    `INSERT INTO records_grams (rowid, grams) SELECT r.id, ${gramsOf('r')} FROM records r`,
  ];
}
