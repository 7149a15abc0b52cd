import fs from 'node:fs';
import path from 'node:path';

/**
 * The sample files the tests read (EDI interchanges, the online-retail month, and whatever
 * else is listed in its SOURCES.md with its licence): `test/fixtures/` in the repository, so a
 * fresh clone tests anywhere. `STOCKLINE_SHARED_DATA` points elsewhere (a larger copy).
 */
export function sharedDataDir(): string {
  return process.env.STOCKLINE_SHARED_DATA ?? path.resolve(import.meta.dirname, '..', 'fixtures');
}

/**
 * A sample file by its path under the fixtures folder (`edi/node-x12__850.edi`). A missing
 * file fails loudly with where it was looked for, never a skip: the repository carries them.
 */
export function fixturePath(relative: string): string {
  const full = path.join(sharedDataDir(), relative);
  if (!fs.existsSync(full))
    throw new Error(
      `The sample file ${relative} is missing (looked in ${sharedDataDir()}); see test/fixtures/SOURCES.md.`,
    );
  return full;
}
