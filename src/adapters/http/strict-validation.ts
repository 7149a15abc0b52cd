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
    return (route) => (route.httpPart === 'body' ? strict : loose)(route);
  };
}
