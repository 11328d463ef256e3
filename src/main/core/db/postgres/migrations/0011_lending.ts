// PostgreSQL's mirror of SQLite's 0011_lending (issue 18): the lending register (借阅登记: loans and the
// items each lends) and the log of files viewed in the app (利用), with the same rules in triggers of
// the same words: rows never deleted; a loan changes only by its return, once; its items and the views
// never change; a destroyed, transferred or voided item is never lent, and an item out on loan is
// neither destroyed nor handed over until it comes back.
import { sql, type Kysely } from 'kysely';
import { ID, T, nextId, refuse } from './ddl';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** Never deleted: row by row and by TRUNCATE. */
const noDelete = (table: string, fn: string) => [
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
];
const DATE = `~ '^[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$'`;

const STATEMENTS = [
  `CREATE TABLE loans (
    id ${ID},
    borrower ${T} NOT NULL CHECK (length(borrower) BETWEEN 1 AND 50),
    unit ${T} NOT NULL DEFAULT '' CHECK (length(unit) <= 100),
    purpose ${T} NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    lent_at ${T} NOT NULL,
    due_date ${T} CHECK (due_date IS NULL OR due_date ${DATE}),
    clerk ${T} NOT NULL,
    returned_at ${T},
    return_clerk ${T},
    created_at ${T} NOT NULL,
    updated_at ${T} NOT NULL,
    CHECK ((returned_at IS NULL) = (return_clerk IS NULL))
  )`,
  ...nextId('loans'),
  `CREATE INDEX loans_open ON loans (due_date) WHERE returned_at IS NULL`,
  `CREATE TABLE loan_items (
    id ${ID},
    loan_id bigint NOT NULL REFERENCES loans (id),
    record_id bigint NOT NULL REFERENCES records (id),
    UNIQUE (loan_id, record_id)
  )`,
  ...nextId('loan_items'),
  `CREATE INDEX loan_items_by_record ON loan_items (record_id)`,
  `CREATE TABLE file_views (
    id ${ID},
    attachment_id bigint NOT NULL REFERENCES attachments (id),
    record_id bigint NOT NULL REFERENCES records (id),
    viewer ${T} NOT NULL CHECK (length(viewer) > 0),
    viewed_at ${T} NOT NULL
  )`,
  ...nextId('file_views'),
  `CREATE INDEX file_views_by_time ON file_views (viewed_at)`,

  refuse('loans_keep', '借阅登记不能删除。'),
  ...noDelete('loans', 'loans_keep'),
  refuse('loans_only_return', '借阅登记只能登记归还一次，其余内容不能修改。'),
  `CREATE TRIGGER loans_only_return BEFORE UPDATE ON loans FOR EACH ROW
   WHEN (OLD.returned_at IS NOT NULL OR NEW.returned_at IS NULL
    OR NEW.id IS DISTINCT FROM OLD.id OR NEW.borrower IS DISTINCT FROM OLD.borrower OR NEW.unit IS DISTINCT FROM OLD.unit
    OR NEW.purpose IS DISTINCT FROM OLD.purpose OR NEW.lent_at IS DISTINCT FROM OLD.lent_at OR NEW.due_date IS DISTINCT FROM OLD.due_date
    OR NEW.clerk IS DISTINCT FROM OLD.clerk OR NEW.created_at IS DISTINCT FROM OLD.created_at)
   EXECUTE FUNCTION loans_only_return()`,
  refuse('loan_items_no_change', '借阅的档案不能修改。'),
  `CREATE TRIGGER loan_items_no_change BEFORE UPDATE ON loan_items FOR EACH ROW EXECUTE FUNCTION loan_items_no_change()`,
  refuse('loan_items_keep', '借阅的档案不能删除。'),
  ...noDelete('loan_items', 'loan_items_keep'),
  `CREATE FUNCTION loan_items_lendable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF EXISTS (SELECT 1 FROM records WHERE id = NEW.record_id AND (status IN ('已销毁', '已移交', '移交中') OR voided_at IS NOT NULL)) THEN
      RAISE EXCEPTION '已销毁、已移交、正在移交或已作废的档案不能借出。' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER loan_items_lendable BEFORE INSERT ON loan_items FOR EACH ROW EXECUTE FUNCTION loan_items_lendable()`,
  refuse('file_views_no_change', '利用记录不能修改。'),
  `CREATE TRIGGER file_views_no_change BEFORE UPDATE ON file_views FOR EACH ROW EXECUTE FUNCTION file_views_no_change()`,
  refuse('file_views_keep', '利用记录不能删除。'),
  ...noDelete('file_views', 'file_views_keep'),
  `CREATE FUNCTION records_not_out_on_loan() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF EXISTS (SELECT 1 FROM loan_items i JOIN loans l ON l.id = i.loan_id WHERE i.record_id = NEW.id AND l.returned_at IS NULL) THEN
      RAISE EXCEPTION '档案尚在借出，须先登记归还，才能销毁或移交。' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER records_not_out_on_loan BEFORE UPDATE OF status ON records FOR EACH ROW
   WHEN (NEW.status IN ('已销毁', '移交中', '已移交') AND NEW.status IS DISTINCT FROM OLD.status)
   EXECUTE FUNCTION records_not_out_on_loan()`,
];
