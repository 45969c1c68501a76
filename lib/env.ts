import { readFileSync } from 'node:fs';
import { parseEnv as parseEnvFile } from 'node:util';
import { z } from 'zod';
import { ALL_PROJECTIONS, isProjectionName, PRODUCT_SEARCH, type ProjectionName } from '@/db/read/projections';

/**
 * Every setting the processes read, validated once. A wrong or missing value stops the
 * process at start with a message naming the variable.
 */
const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');

/** Keys and passwords: Meilisearch in production mode refuses shorter keys. */
const secret = z.string().min(16, 'must be at least 16 characters');
const meiliIndex = z.string().regex(/^[A-Za-z0-9_-]+$/).default('products');

const serverEnvSchema = z.object({
  DATABASE_URL: postgresUrl.describe('write database `shop`, command-side role'),
  READ_DATABASE_URL: postgresUrl.describe('read database `shop_read`, query-side role'),
  MEILI_URL: z.string().url(),
  MEILI_SEARCH_KEY: secret.describe('a key that may only search the products index (`npm run setup` creates it)'),
  MEILI_INDEX: meiliIndex,
  FRESHNESS_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(2000),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().max(24 * 366).default(12),
  SECURE_COOKIES: z
    .enum(['always', 'auto', 'never'])
    .default('always')
    .describe('`auto`: Secure when the request came over HTTPS (TLS, or a trusted proxy said so); `never` only for plain-HTTP setups'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0).describe('reverse proxies in front of the web server whose X-Forwarded-For/-Proto are believed'),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional().describe('web server processes sharing the port (default: one per core)'),
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  API_MAX_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  LOGIN_ATTEMPTS_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_FAILURES_PER_ACCOUNT_PER_15_MINUTES: z.coerce.number().int().min(1).default(10),
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).default(32),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

const projectorEnvSchema = z.object({
  PROJECTOR_DATABASE_URL: postgresUrl.describe('write database `shop`, projector role (REPLICATION, SELECT)'),
  PROJECTOR_READ_DATABASE_URL: postgresUrl.describe('read database `shop_read`, projector role'),
  MEILI_URL: z.string().url(),
  MEILI_MASTER_KEY: secret,
  MEILI_INDEX: meiliIndex,
  MEILI_PAYLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024)
    .describe("Meilisearch's --http-payload-size-limit: document pages are cut below it"),
  REPLICATION_SLOT: z.string().regex(/^[a-z0-9_]+$/).default('shop_projector'),
  PROJECTOR_BATCH_CHANGES: z.coerce.number().int().positive().default(5000),
  PROJECTOR_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9479).describe('0 switches the metrics server off'),
  PROJECTOR_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  PROJECTOR_LEASE_MS: z.coerce
    .number()
    .int()
    .min(500)
    .max(120_000)
    .default(5000)
    .describe('the active projector writes nothing after this long without renewing its lease; a standby takes over after twice this'),
  PROJECTOR_RESTARTS: z.coerce.number().int().min(0).default(0).describe('times `npm start` has restarted the projector; it sets this'),
  CHANGE_STREAM_URL: z
    .preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^nats:\/\/\S+$/, 'a nats:// URL').optional())
    .describe('NATS server with JetStream: `projector -- publish` fills the stream SHOP, and the projector reads it instead of the slot'),
  PROJECTIONS: z
    .string()
    .optional()
    .transform((text, ctx) => parseProjections(text, ctx))
    .describe('the read models this projector builds, comma-separated (default: all); only with CHANGE_STREAM_URL'),
  PUBLISHER_SLOT: z.string().regex(/^[a-z0-9_]+$/).default('shop_change_stream').describe("the publisher's own replication slot"),
  CHANGE_STREAM_CONSUMER: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe("this worker's durable consumer (default: projector_ and its projections)"),
  PUBLISHER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9480).describe("the publisher's /metrics, /healthz and /readyz; 0 switches them off"),
  CHANGE_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(50).default(500).describe('how often the publisher says "nothing more before this LSN" on a quiet database'),
});

/**
 * The read models a projector worker builds. The search index is filled from
 * `product_summaries` in the same batch, so those two go together.
 */
function parseProjections(text: string | undefined, ctx: z.RefinementCtx): ProjectionName[] {
  if (text === undefined || text.trim() === '') return [...ALL_PROJECTIONS];
  const names = [...new Set(text.split(',').map((name) => name.trim()).filter(Boolean))];
  const unknown = names.filter((name) => !isProjectionName(name));
  if (unknown.length > 0) {
    ctx.addIssue({ code: 'custom', message: `unknown projection ${unknown.join(', ')} (known: ${ALL_PROJECTIONS.join(', ')})` });
    return z.NEVER;
  }
  if (names.includes(PRODUCT_SEARCH) !== names.includes('product_summaries')) {
    ctx.addIssue({ code: 'custom', message: 'product_search and product_summaries go together: the index is filled from product_summaries in the same batch' });
    return z.NEVER;
  }
  return ALL_PROJECTIONS.filter((name) => names.includes(name));
}

const port = z.coerce.number().int().min(1).max(65535);

/** What `npm start` itself reads: all optional; given URLs switch off the local services. */
const startEnvSchema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    READ_DATABASE_URL: postgresUrl.optional(),
    MEILI_URL: z.string().url().optional(),
    MEILI_MASTER_KEY: secret.optional(),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PG_PORT: port.default(54329),
    MEILI_PORT: port.default(7719),
    SEED_PRODUCTS: z.coerce.number().int().min(0).max(1_000_000).default(300),
    CHANGE_STREAM: z.enum(['0', '1']).default('0').describe('1: change events through a local NATS JetStream (publisher + projector reading the stream)'),
    CHANGE_STREAM_URL: z.string().regex(/^nats:\/\/\S+$/, 'a nats:// URL').optional().describe('an existing NATS server with JetStream for the change stream'),
    NATS_PORT: port.default(4229),
  })
  .refine((env) => !env.READ_DATABASE_URL || env.DATABASE_URL, {
    path: ['DATABASE_URL'],
    message: 'is needed when READ_DATABASE_URL is set',
  })
  .refine((env) => !env.MEILI_URL || env.MEILI_MASTER_KEY, {
    path: ['MEILI_MASTER_KEY'],
    message: 'is needed when MEILI_URL is set',
  });

/** Empty counts as unset: docker-compose passes `${NAME:-}` through as an empty string. */
const optionalSecret = z.preprocess((value) => (value === '' ? undefined : value), secret.optional());

/**
 * What `npm run setup` reads: admin URLs (a role that may create databases and roles), the
 * Meilisearch master key, and where to keep the role passwords and write each service's settings.
 */
const setupEnvSchema = z.object({
  DATABASE_URL: postgresUrl.describe('write database `shop`, as a role that may create databases and roles'),
  READ_DATABASE_URL: postgresUrl.optional().describe('read database (default: `shop_read` beside DATABASE_URL), same kind of role'),
  MEILI_URL: z.string().url(),
  MEILI_MASTER_KEY: secret,
  MEILI_INDEX: meiliIndex,
  SHOP_COMMAND_PASSWORD: optionalSecret.describe('password of role shop_command (default: from SECRETS_FILE)'),
  SHOP_QUERY_PASSWORD: optionalSecret.describe('password of role shop_query (default: from SECRETS_FILE)'),
  SHOP_PROJECTOR_PASSWORD: optionalSecret.describe('password of role shop_projector (default: from SECRETS_FILE)'),
  SECRETS_FILE: z.string().min(1).default('.data/secrets.json').describe('role passwords not given above; generated on first run (mode 0600)'),
  WEB_ENV_FILE: z.string().min(1).default('.data/web.env').describe("where to write the web server's settings"),
  PROJECTOR_ENV_FILE: z.string().min(1).default('.data/projector.env').describe("where to write the projector's settings"),
  SEED_PRODUCTS: z.coerce.number().int().min(0).max(1_000_000).optional().describe('seed demo data with this many products (once); `--seed` alone seeds 300'),
});

export type StartEnv = z.infer<typeof startEnvSchema>;
export type SetupEnv = z.infer<typeof setupEnvSchema>;
export type ServerEnv = z.infer<typeof serverEnvSchema>;
export type ProjectorEnv = z.infer<typeof projectorEnvSchema>;

export class EnvError extends Error {}

type EnvSource = Record<string, string | undefined>;

function parseEnv<T extends z.ZodType>(schema: T, source: EnvSource): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const missing = (source[name] === undefined || source[name] === '') && issue.code !== 'custom';
    return `  ${name}: ${missing ? 'is not set' : issue.message}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}

/**
 * ENV_FILE names a file of `NAME=value` lines (what `npm run setup` writes for each service).
 * Its values fill in only what the environment leaves unset: real variables win.
 */
function envFileDefaults(source: EnvSource): EnvSource {
  const file = source.ENV_FILE;
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new EnvError(`Invalid environment:\n  ENV_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return Object.fromEntries(Object.entries(parseEnvFile(text)).filter(([name]) => source[name] === undefined));
}

/**
 * A service's settings: `source`, or the process environment with ENV_FILE's values added to
 * it (so code that reads process.env itself, and child processes, see them too).
 */
function withEnvFile(source: EnvSource): EnvSource {
  if (source !== process.env) return { ...source, ...envFileDefaults(source) };
  Object.assign(process.env, envFileDefaults(process.env));
  return process.env;
}

let serverEnv: ServerEnv | undefined;
export function getServerEnv(source: EnvSource = process.env): ServerEnv {
  if (source !== process.env) return parseEnv(serverEnvSchema, withEnvFile(source));
  serverEnv ??= parseEnv(serverEnvSchema, withEnvFile(source));
  return serverEnv;
}

export function getStartEnv(source: EnvSource = process.env): StartEnv {
  return parseEnv(startEnvSchema, source);
}

export function getProjectorEnv(source: EnvSource = process.env): ProjectorEnv {
  return parseEnv(projectorEnvSchema, withEnvFile(source));
}

export function getSetupEnv(source: EnvSource = process.env): SetupEnv {
  return parseEnv(setupEnvSchema, source);
}
