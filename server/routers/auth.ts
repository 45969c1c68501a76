import { login, loginInput } from '../auth/login';
import { clearedSessionCookie, deleteSession, sessionCookie } from '../auth/sessions';
import { protectedProcedure, publicProcedure, router } from '../trpc';

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { user, token, expiresAt } = await login(ctx.services.write.db, input, ctx.services.env.SESSION_TTL_HOURS);
    ctx.resHeaders.append('Set-Cookie', sessionCookie(token, expiresAt, ctx.secureCookies));
    ctx.services.log.info({ userId: user.id }, 'login');
    return { user };
  }),
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.services.write.db, ctx.sessionToken);
    ctx.resHeaders.append('Set-Cookie', clearedSessionCookie());
    return { ok: true };
  }),
  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.user })),
});
