// A problem with a whole file or sheet (not a workbook, no header, …): the file is refused whole.
export class FileProblem extends Error {
  constructor(
    readonly sheet: string,
    message: string,
    /** the file has none of the import's sheets (in a zip: perhaps a scan, not an input) */
    readonly noSheets = false,
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}
