// What search finds in a record, in ONE place: what the clerk sees — 题名, 责任者, 文号, 备注 and the
// 档号 as displayed (stored at filing, never re-rendered). Each has two indexes (see grams.ts): trigram
// FTS for terms of 3+ characters, character pairs for 2. The record's text is indexed by migration
// 0001's triggers (records_fts, records_grams over TEXT_COLUMNS); the 档号 has indexes of its own
// (records_code_fts, records_code_grams), so filing, which writes only the 档号, re-indexes a short
// code instead of the whole record. Triggers, the upgrade and any bulk loader use these statements.
import { gramsOf } from './grams';

/** The record's text columns, as stored (records_fts and records_grams, migration 0001). */
export const TEXT_COLUMNS = ['title', 'responsible', 'doc_number', 'notes'] as const;
/** The 档号 column. */
export const CODE_COLUMN = 'archival_code';
/** Every column search reads, for the 1-character LIKE path. */
export const SEARCH_COLUMNS = [...TEXT_COLUMNS, CODE_COLUMN] as const;

/** The statements that index a row's text (`row`: new or a table alias); sanwu_grams must be registered. */
const textValues = (row: string) => TEXT_COLUMNS.map((c) => `${row}.${c}`).join(', ');

/** The 档号 indexes and their triggers (migration 0004), filled from the records table. */
export function codeIndexStatements(): string[] {
  return [
    `CREATE VIRTUAL TABLE records_code_fts USING fts5 (code, content = '', contentless_delete = 1, tokenize = 'trigram')`,
    `CREATE VIRTUAL TABLE records_code_grams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'ascii')`,
    `CREATE TRIGGER records_code_insert AFTER INSERT ON records WHEN new.${CODE_COLUMN} IS NOT NULL BEGIN
      INSERT INTO records_code_fts (rowid, code) VALUES (new.id, new.${CODE_COLUMN});
      INSERT INTO records_code_grams (rowid, grams) VALUES (new.id, sanwu_grams(new.${CODE_COLUMN}));
    END`,
    // one trigger, so the old entry always goes before the new one comes (trigger order is unspecified)
    `CREATE TRIGGER records_code_update AFTER UPDATE OF ${CODE_COLUMN} ON records BEGIN
      DELETE FROM records_code_fts WHERE old.${CODE_COLUMN} IS NOT NULL AND rowid = old.id;
      DELETE FROM records_code_grams WHERE old.${CODE_COLUMN} IS NOT NULL AND rowid = old.id;
      INSERT INTO records_code_fts (rowid, code) SELECT new.id, new.${CODE_COLUMN} WHERE new.${CODE_COLUMN} IS NOT NULL;
      INSERT INTO records_code_grams (rowid, grams) SELECT new.id, sanwu_grams(new.${CODE_COLUMN}) WHERE new.${CODE_COLUMN} IS NOT NULL;
    END`,
    ...fillCodeIndexStatements(),
  ];
}

function fillCodeIndexStatements(): string[] {
  return [
    'DELETE FROM records_code_fts',
    'DELETE FROM records_code_grams',
    `INSERT INTO records_code_fts (rowid, code) SELECT id, ${CODE_COLUMN} FROM records WHERE ${CODE_COLUMN} IS NOT NULL`,
    `INSERT INTO records_code_grams (rowid, grams) SELECT id, sanwu_grams(${CODE_COLUMN}) FROM records WHERE ${CODE_COLUMN} IS NOT NULL`,
  ];
}

/** Refills every search index from the records table (after a bulk load that bypassed the triggers). */
export function rebuildSearchIndexStatements(): string[] {
  return [
    `INSERT INTO records_fts (records_fts) VALUES ('rebuild')`,
    'DELETE FROM records_grams',
    `INSERT INTO records_grams (rowid, grams) SELECT r.id, sanwu_grams(${textValues('r')}) FROM records r`,
    ...fillCodeIndexStatements(),
  ];
}

/** The insert triggers that fill the search indexes row by row: a bulk load drops them (see bulk-index.ts). */
export const INDEX_INSERT_TRIGGERS = ['records_fts_insert', 'records_grams_insert', 'records_code_insert'] as const;

/**
 * What those insert triggers do, set-wise: each statement indexes the records with lo < id <= hi (two
 * parameters), in id order. `grams` is the character-pair statement alone: a bulk loader that has the
 * pairs already (textGrams, computed where the rows were read) inserts them with GRAMS_INSERT instead.
 */
export function indexRangeStatements(): { grams: string; others: string[] } {
  const range = 'WHERE r.id > ? AND r.id <= ?';
  return {
    grams: `INSERT INTO records_grams (rowid, grams) SELECT r.id, sanwu_grams(${textValues('r')}) FROM records r ${range} ORDER BY r.id`,
    others: [
      `INSERT INTO records_fts (rowid, ${TEXT_COLUMNS.join(', ')}) SELECT r.id, ${textValues('r')} FROM records r ${range} ORDER BY r.id`,
      `INSERT INTO records_code_fts (rowid, code) SELECT r.id, r.${CODE_COLUMN} FROM records r ${range} AND r.${CODE_COLUMN} IS NOT NULL ORDER BY r.id`,
      `INSERT INTO records_code_grams (rowid, grams) SELECT r.id, sanwu_grams(r.${CODE_COLUMN}) FROM records r ${range} AND r.${CODE_COLUMN} IS NOT NULL ORDER BY r.id`,
    ],
  };
}

/** A record's character pairs from its text columns' values (in TEXT_COLUMNS order), as sanwu_grams gives them. */
export const textGrams = (values: readonly (string | null)[]): string => gramsOf(...values);
export const GRAMS_INSERT = 'INSERT INTO records_grams (rowid, grams) VALUES (?, ?)';

/** The ids whose text, or whose 档号, holds a term: trigram (3+ characters) or character pairs (2). */
export const TRIGRAM_MATCH = {
  text: 'SELECT rowid AS id FROM records_fts WHERE records_fts MATCH ?',
  code: 'SELECT rowid AS id FROM records_code_fts WHERE records_code_fts MATCH ?',
};
export const PAIR_MATCH = {
  text: 'SELECT rowid AS id FROM records_grams WHERE records_grams MATCH ?',
  code: 'SELECT rowid AS id FROM records_code_grams WHERE records_code_grams MATCH ?',
};
/** Some 档号 holds every character pair of these tokens (space-separated, see grams.ts). */
export const CODE_PAIRS_EXIST = 'SELECT 1 FROM records_code_grams WHERE records_code_grams MATCH ? LIMIT 1';
