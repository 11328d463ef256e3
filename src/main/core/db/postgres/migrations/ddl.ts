// The building blocks of PostgreSQL migrations, so each mirrors its SQLite twin the same way:
// SQLite's TEXT (BINARY order) is text COLLATE "C", its INTEGER bigint, its REAL double precision.

/** SQLite's TEXT: compared and ordered by code point. */
export const T = 'text COLLATE "C"';

/**
 * SQLite's INTEGER PRIMARY KEY: an id not given is the table's largest + 1 (nextId), as SQLite numbers
 * rows — no gaps behind rolled-back work, the same ids on both engines. Writers take turns (open.ts).
 */
export const ID = 'bigint PRIMARY KEY';

/** The trigger that numbers a table's rows as SQLite does (every table with an `ID` column needs it). */
export const nextId = (table: string): string[] => [
  `CREATE FUNCTION ${table}_next_id() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    NEW.id := coalesce((SELECT max(id) FROM ${table}), 0) + 1;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER ${table}_next_id BEFORE INSERT ON ${table} FOR EACH ROW WHEN (NEW.id IS NULL) EXECUTE FUNCTION ${table}_next_id()`,
];

/** A trigger function raising `message` (the same words as SQLite's RAISE(ABORT, …)). */
export const refuse = (name: string, message: string): string =>
  `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}' USING ERRCODE = 'restrict_violation'; END $$`;
