// A package or carrier refused: the fault in Chinese, naming the file where there is one. `receive`
// reports it against the path given and writes nothing of that package.
import { SanwuError } from '../../../shared/errors';

export class PackageFault extends SanwuError {
  /** the package is intact but its street office is unknown to the district: it may be added */
  readonly unknownOffice?: string;
  constructor(message: string, unknownOffice?: string) {
    super('INVALID_INPUT', message);
    if (unknownOffice !== undefined) this.unknownOffice = unknownOffice;
  }
}

export const fault = (message: string, unknownOffice?: string): PackageFault => new PackageFault(message, unknownOffice);

export const isFault = (e: unknown): e is PackageFault => e instanceof PackageFault;
