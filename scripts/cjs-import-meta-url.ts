/**
 * `import.meta.url` in the sources bundled as a CommonJS script (`bundle.ts`), where there is
 * no `import.meta`: esbuild puts this module first and reads `import.meta.url` as its export.
 */
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
