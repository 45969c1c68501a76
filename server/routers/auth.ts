import { login, loginInput } from '../auth/login';
import { clearedSessionCookie, deleteSession, deleteUserSessions, sessionCookie } from '../auth/sessions';
import { protectedProcedure, publicProcedure, router } from '../trpc';

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { services: svc } = ctx;
    const { user, token, expiresAt } = await login({ db: svc.write.db, limits: svc.loginLimits }, input, {
      client: ctx.client,
      previousToken: ctx.sessionToken,
      ttlHours: svc.env.SESSION_TTL_HOURS,
    });
    ctx.resHeaders.append('Set-Cookie', sessionCookie(token, expiresAt, ctx.secureCookies));
    svc.log.info({ userId: user.id }, 'login');
    return { user };
  }),
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.services.write.db, ctx.sessionToken);
    ctx.resHeaders.append('Set-Cookie', clearedSessionCookie());
    return { ok: true };
  }),
  /** Ends every session of the caller, on every device (after a lost laptop, say). */
  logoutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    const ended = await deleteUserSessions(ctx.services.write.db, ctx.user.id);
    ctx.resHeaders.append('Set-Cookie', clearedSessionCookie());
    ctx.services.log.info({ userId: ctx.user.id, ended }, 'logged out everywhere');
    return { ended };
  }),
  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.user })),
});
