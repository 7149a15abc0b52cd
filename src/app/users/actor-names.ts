import type { Tx } from '../../adapters/db/database.js';

/**
 * What a person reads for the actors stored on events (`user:4`, `key:2`, `system`…): a user's
 * name and email, an API key's name. Anything else (jobs, `system`) reads as it is stored.
 */
export async function actorNames(db: Tx, actors: readonly string[]): Promise<Map<string, string>> {
  const ids = (prefix: string) => [
    ...new Set(
      actors
        .filter((a) => a.startsWith(prefix))
        .map((a) => Number(a.slice(prefix.length)))
        .filter((n) => Number.isSafeInteger(n) && n > 0),
    ),
  ];
  const userIds = ids('user:');
  const keyIds = ids('key:');
  const [users, keys] = await Promise.all([
    userIds.length
      ? db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute()
      : [],
    keyIds.length
      ? db.selectFrom('api_keys').select(['id', 'name']).where('id', 'in', keyIds).execute()
      : [],
  ]);
  const names = new Map<string, string>(actors.map((a) => [a, a]));
  for (const u of users) names.set(`user:${u.id}`, `${u.name} <${u.email}>`);
  for (const k of keys) names.set(`key:${k.id}`, `API key “${k.name}”`);
  return names;
}
