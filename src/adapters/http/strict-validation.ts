import AjvCompiler from '@fastify/ajv-compiler';

/** Ajv options every request part shares; coercion is set per part below. */
const AJV_OPTIONS = { removeAdditional: false, useDefaults: true, allErrors: true } as const;

type BuildValidator = ReturnType<typeof AjvCompiler>;

/**
 * Validators that take JSON bodies as typed: a quantity sent as `"0x10"`, `[5]` or `true`, or a
 * flag sent as `"true"` or `0`, is a 400 naming the field, never silently converted (Ajv's
 * coercion turned `"0x10"` into 16 units). Query strings and path parameters arrive as text and
 * are still converted, but only from plain decimal digits: `number-guard.ts` checks that first.
 * Passed to Fastify as `schemaController.compilersFactory.buildValidator`.
 */
export function strictBodyValidators(): BuildValidator {
  const pool = AjvCompiler();
  return (externalSchemas, serverOptions) => {
    const plugins = serverOptions?.plugins ?? [];
    const loose = pool(externalSchemas, {
      plugins,
      customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' },
    });
    const strict = pool(externalSchemas, {
      plugins,
      customOptions: { ...AJV_OPTIONS, coerceTypes: false },
    });
    return (route) => lazily(() => (route.httpPart === 'body' ? strict : loose)(route));
  };
}

type Validator = ReturnType<ReturnType<BuildValidator>>;

/**
 * A validator compiled on its route's first request: the ~200 routes' Ajv functions are ~15 MB
 * an idle server need not hold (and most processes use a fraction of the routes). Fastify reads
 * `schemaEnv` (to let Ajv set defaults on the root) and `errors` (after a failed call) from the
 * function it was given, so both pass through.
 */
function lazily(compile: () => Validator): Validator {
  let compiled: Validator | undefined;
  const get = () => (compiled ??= compile());
  const validator = ((...args: unknown[]) =>
    (get() as (...a: unknown[]) => unknown)(...args)) as unknown as Validator;
  Object.defineProperties(validator, {
    errors: { get: () => (compiled as { errors?: unknown } | undefined)?.errors },
    schemaEnv: { get: () => (get() as { schemaEnv?: unknown }).schemaEnv },
  });
  return validator;
}
