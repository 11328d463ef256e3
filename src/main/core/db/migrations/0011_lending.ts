// The archive room's own year (issue 18): the lending register (借阅登记: loans and the items each
// lends) and the log of files viewed in the app (利用). Rows are never deleted; a loan changes only by
// its return, once; its items and the views never change. A destroyed, transferred or voided item is
// never lent, and an item out on loan is neither destroyed nor handed over until it comes back.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

const DATE = `GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`;

const STATEMENTS = [
  `CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    borrower TEXT NOT NULL CHECK (length(borrower) BETWEEN 1 AND 50),
    unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 100),
    purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    lent_at TEXT NOT NULL,
    due_date TEXT CHECK (due_date IS NULL OR due_date ${DATE}),
    clerk TEXT NOT NULL,
    returned_at TEXT,
    return_clerk TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((returned_at IS NULL) = (return_clerk IS NULL))
  ) STRICT`,
  `CREATE INDEX loans_open ON loans (due_date) WHERE returned_at IS NULL`,
  `CREATE TABLE loan_items (
    id INTEGER PRIMARY KEY,
    loan_id INTEGER NOT NULL REFERENCES loans (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    UNIQUE (loan_id, record_id)
  ) STRICT`,
  `CREATE INDEX loan_items_by_record ON loan_items (record_id)`,
  `CREATE TABLE file_views (
    id INTEGER PRIMARY KEY,
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    record_id INTEGER NOT NULL REFERENCES records (id),
    viewer TEXT NOT NULL CHECK (length(viewer) > 0),
    viewed_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX file_views_by_time ON file_views (viewed_at)`,

  `CREATE TRIGGER loans_no_delete BEFORE DELETE ON loans
   BEGIN SELECT RAISE(ABORT, '借阅登记不能删除。'); END`,
  `CREATE TRIGGER loans_only_return BEFORE UPDATE ON loans
   WHEN OLD.returned_at IS NOT NULL OR NEW.returned_at IS NULL
    OR NEW.id IS NOT OLD.id OR NEW.borrower IS NOT OLD.borrower OR NEW.unit IS NOT OLD.unit OR NEW.purpose IS NOT OLD.purpose
    OR NEW.lent_at IS NOT OLD.lent_at OR NEW.due_date IS NOT OLD.due_date OR NEW.clerk IS NOT OLD.clerk OR NEW.created_at IS NOT OLD.created_at
   BEGIN SELECT RAISE(ABORT, '借阅登记只能登记归还一次，其余内容不能修改。'); END`,
  `CREATE TRIGGER loan_items_no_change BEFORE UPDATE ON loan_items
   BEGIN SELECT RAISE(ABORT, '借阅的档案不能修改。'); END`,
  `CREATE TRIGGER loan_items_no_delete BEFORE DELETE ON loan_items
   BEGIN SELECT RAISE(ABORT, '借阅的档案不能删除。'); END`,
  `CREATE TRIGGER loan_items_lendable BEFORE INSERT ON loan_items
   WHEN (SELECT status IN ('已销毁', '已移交', '移交中') OR voided_at IS NOT NULL FROM records WHERE id = NEW.record_id)
   BEGIN SELECT RAISE(ABORT, '已销毁、已移交、正在移交或已作废的档案不能借出。'); END`,
  `CREATE TRIGGER file_views_no_change BEFORE UPDATE ON file_views
   BEGIN SELECT RAISE(ABORT, '利用记录不能修改。'); END`,
  `CREATE TRIGGER file_views_no_delete BEFORE DELETE ON file_views
   BEGIN SELECT RAISE(ABORT, '利用记录不能删除。'); END`,
  `CREATE TRIGGER records_not_out_on_loan BEFORE UPDATE OF status ON records
   WHEN NEW.status IN ('已销毁', '移交中', '已移交') AND NEW.status IS NOT OLD.status
    AND EXISTS (SELECT 1 FROM loan_items i JOIN loans l ON l.id = i.loan_id WHERE i.record_id = NEW.id AND l.returned_at IS NULL)
   BEGIN SELECT RAISE(ABORT, '档案尚在借出，须先登记归还，才能销毁或移交。'); END`,
];
