// A problem with a whole file or sheet (not a workbook, no header, …): the file is refused whole.
export class FileProblem extends Error {
  constructor(
    readonly sheet: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}
