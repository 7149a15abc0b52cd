/**
 * Password hashing with argon2id (the library's default algorithm) at OWASP's minimum cost:
 * 19 MiB memory, 2 passes. The PHC string carries its own parameters, so raising them later
 * still verifies old hashes.
 */
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The shortest password accepted for a user account. */
export const MIN_PASSWORD_LENGTH = 10;

/** The native argon2 library (~10 MB resident) is loaded on the first sign-in, not at start. */
const argon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, COST);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verified when no user has the e-mail given, so a sign-in with an unknown address takes as
 * long as one with a wrong password (no account enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export async function burnDecoyVerify(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-never-used');
  await passwordMatches(await decoy, password);
}
