/** The lab needs Linux and root; say so plainly otherwise. */
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';

export function requireRootLinux(deps: Deps): void {
  if (deps.system.platform !== 'linux') {
    throw new StatusError(`tsw lab needs Linux (network namespaces); this is ${deps.system.platform}`, 1);
  }
  if (deps.system.uid !== 0) {
    throw new StatusError('tsw lab needs root (it creates network namespaces and runs dockerd): try sudo tsw lab ...', 1);
  }
}

/** Runs a lab operation, turning its failures into exit-1 errors with the lab's words. */
export async function labStep<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StatusError) throw err;
    throw new StatusError(`tsw lab: ${(err as Error).message}`, 1);
  }
}
