import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { Context } from './context';
import { DomainError, type DomainErrorCode } from './domain/errors';
import { textProblem } from './wellFormedText';

const TRPC_CODE: Record<DomainErrorCode, TRPCError['code']> = {
  BAD_INPUT: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RULE_VIOLATION: 'UNPROCESSABLE_CONTENT',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const flat = cause instanceof z.ZodError ? z.flattenError(cause) : undefined;
    const fieldErrors = flat
      ? { ...(flat.formErrors.length > 0 && { _form: flat.formErrors }), ...(flat.fieldErrors as Record<string, string[]>) }
      : undefined;
    const domain = cause instanceof DomainError ? cause.details : undefined;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: fieldErrors ? describeFieldErrors(fieldErrors) : internal && process.env.NODE_ENV === 'production' ? 'Internal error' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: fieldErrors ?? domain?.fields ?? null,
        rule: domain?.rule ?? null,
        currentVersion: domain?.currentVersion ?? null,
        /** The facts behind a refusal, e.g. `{ available, requested }` for missing stock. */
        details: domain ?? null,
      },
    };
  },
});

function describeFieldErrors(fields: Record<string, string[]>): string {
  return Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ');
}

/** Turns the domain's error into a tRPC error; anything else stays an internal error. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/** Text Postgres cannot store faithfully (NUL, lone surrogates) is refused before any schema sees it. */
const wellFormedInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = textProblem(await getRawInput());
  if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(wellFormedInput).use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role (viewer) cannot change anything' });
  return next();
});
