import fs from 'node:fs';
import path from 'node:path';

/**
 * The sample data that came with the project brief (`../shared/data` beside the checkout; see
 * its SOURCES.md). A clone elsewhere finds it through STOCKLINE_SHARED_DATA or the workplace's
 * fixed path; if none exists the tests that need it fail loudly rather than skip.
 */
export function sharedDataDir(): string {
  const candidates = [
    process.env.STOCKLINE_SHARED_DATA,
    path.resolve(import.meta.dirname, '../../../shared/data'),
    '/work/shared/data',
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'SOURCES.md')));
  if (!found)
    throw new Error(
      `The shared sample data is missing (looked in ${candidates.join(', ')}); set STOCKLINE_SHARED_DATA.`,
    );
  return found;
}
