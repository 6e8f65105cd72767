import { ContractLoadError } from './errors.ts';

/**
 * The bytes an input may still unpack to. Archives are checked twice: against the sizes their
 * headers declare, before anything is inflated, and against the bytes actually produced, as they are.
 */
export class ByteBudget {
  private spent = 0;

  constructor(
    readonly limit: number,
    /** What is being unpacked, for the message: `specs.zip`. */
    private readonly source: string,
  ) {}

  /** Refuses a file whose declared size would not fit, before it is read. */
  reserve(declaredBytes: number, file: string): void {
    if (this.spent + declaredBytes > this.limit) throw this.exceeded(file);
  }

  /** Counts bytes produced; refuses as soon as they pass the limit. */
  spend(bytes: number, file: string): void {
    this.spent += bytes;
    if (this.spent > this.limit) throw this.exceeded(file);
  }

  private exceeded(file: string): ContractLoadError {
    return new ContractLoadError(
      'too-large',
      `${this.source} unpacks to more than ${describeBytes(this.limit)} (the limit), at ${file}`,
      { file },
    );
  }
}

/** Refuses an input over the limit before it is read at all. */
export function checkSize(bytes: number, limit: number, source: string): void {
  if (bytes > limit) {
    throw new ContractLoadError(
      'too-large',
      `${source} is ${describeBytes(bytes)}, over the limit of ${describeBytes(limit)}`,
      { file: source },
    );
  }
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
