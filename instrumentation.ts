/** Runs once when the web server boots: a wrong environment stops it at start, not at the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getServerEnv } = await import('./lib/env');
  getServerEnv();
}
