/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only libraries used by the server side; loaded at run time, not bundled.
  serverExternalPackages: ['pino', 'pino-pretty', 'postgres', 'pg', 'meilisearch'],
  typedRoutes: false,
};

export default nextConfig;
