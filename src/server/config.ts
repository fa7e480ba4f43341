import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Bridges reads, validated once at start. Unset means the embedded
 * default: PGlite in ./.bridges/data, listening on 127.0.0.1:3000.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  BRIDGES_DATA_DIR: z.string().min(1).default('./.bridges/data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be true, false, or a comma-separated list of proxy addresses or CIDR ranges',
    )
    .default('false'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), 'must be an origin only (https://data.example.org), no path')
    .optional(),
});

export type EnvironmentVariable = keyof z.infer<typeof EnvSchema>;

/**
 * What each variable is for, in a phrase, for `bridges --help` (README.md says it at length): keyed
 * by the schema, so a variable cannot be added without it.
 */
export const ENVIRONMENT_HELP: Readonly<Record<EnvironmentVariable, string>> = {
  DATABASE_URL: 'a PostgreSQL server (unset: the embedded PGlite)',
  DATABASE_POOL_SIZE: 'connections to that server (default 10)',
  BRIDGES_DATA_DIR: "PGlite's data directory (default ./.bridges/data)",
  HOST: 'address to listen on (default 127.0.0.1)',
  PORT: 'port to listen on (default 3000)',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent (default info)',
  TRUST_PROXY: 'proxies whose X-Forwarded-* headers to believe (default false)',
  PUBLIC_URL: 'the public origin that links in answers name',
};

/**
 * Which proxies' X-Forwarded-For, -Proto and -Host headers to believe (Fastify's `trustProxy`):
 * none by default; `true` any; or only those at these addresses (CIDR ranges allowed).
 */
export type TrustProxy = boolean | string[];

function parseTrustProxy(value: string): TrustProxy {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value.split(',').map((a) => a.trim());
}

export type Config = {
  /** `postgres` when DATABASE_URL is set, otherwise the embedded PGlite. */
  database: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string; poolSize: number };
  host: string;
  port: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: TrustProxy;
  /** The origin links in answers name (PUBLIC_URL), or null for the host each request names. */
  publicOrigin: string | null;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { engine: 'pglite', dataDir: path.resolve(e.BRIDGES_DATA_DIR) },
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    publicOrigin: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
  };
}
