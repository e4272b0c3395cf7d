/** A conversion error: docker prints err.Error() as-is and exits 1. */
export class ConvertError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvertError';
  }
}

/** errors.Wrapf(err, "service %s", name) */
export function wrapService(name: string, e: unknown): ConvertError {
  const msg = e instanceof Error ? e.message : String(e);
  return new ConvertError(`service ${name}: ${msg}`);
}
