/** Where an executable is on the PATH, if anywhere: the bench measures the peers that are installed. */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export function findExecutable(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
