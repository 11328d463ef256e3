// Every limit of what an import reads, in one place. Together they keep any accepted input within
// a bounded time and ≤ 500 MB of memory (bench/import.bench.ts measures the largest).
const MB = 1024 * 1024;

export const LIMITS = {
  /** a workbook or CSV file */
  fileBytes: 100 * MB,
  /**
   * .xls and .ods are read whole by SheetJS, in a worker with its own heap limit: about 25,000 rows of
   * 16 columns of .xls (read/sheetjs.ts says why); a larger file is refused, asking for an .xlsx.
   */
  sheetjsFileBytes: 30 * MB,
  sheetjsHeapMb: 180,
  sheetjsSeconds: 120,
  /** inputs from this size on are read on a second thread while the import writes */
  threadBytes: 1024 * 1024,
  threadHeapMb: 256,
  /** data rows of one import file, all sheets together */
  rows: 200_000,
  /** entries of the zip container of a workbook */
  workbookEntries: 10_000,
  /** one XML part inflated (a 200,000-row sheet is ~150 MB) */
  partBytes: 512 * MB,
  /** all parts read from one workbook, inflated */
  workbookBytes: 1024 * MB,
  /** shared strings: count and characters, held in memory while the sheets are read */
  sharedStrings: 4_000_000,
  sharedStringChars: 48_000_000,
  /** characters between two tags of an XML part (Excel's cell limit is 32,767) */
  xmlRun: 400_000,
  /** element nesting of an XML part */
  xmlDepth: 64,
  /** characters of one cell (Excel's limit) and cells of one CSV line */
  cellChars: 32_767,
  csvFields: 16_384,
  /** a .zip of workbooks and scans */
  zipBytes: 2048 * MB,
  zipEntries: 20_000,
  zipInflatedBytes: 4096 * MB,
  zipNameBytes: 1024,
} as const;
