import type { z } from 'zod';
import { BalieError } from './errors.ts';

/** The process environment, or any map of variable names to values. */
export type Environment = Record<string, string | undefined>;

/**
 * Reads the variables `schema` names from `env` and checks them. An empty variable counts as unset
 * (docker-compose and shells often leave them empty). A bad value throws a BalieError naming the
 * variable: `Invalid configuration: PORT: expected a port number`.
 */
export function readEnvironment<S extends z.ZodObject>(schema: S, env: Environment): z.output<S> {
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((name) => [name, env[name]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? '(environment)')}: ${issue.message}`);
    throw new BalieError('config_invalid', `Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
