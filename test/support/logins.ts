import { beforeAll } from 'vitest';
import { apiClient, loginAs, type ApiClient } from './api';

export type Role = 'admin' | 'viewer';

/** Clients of the demo users in `roles`, each logging in (in that order) before the file's tests. */
export function loggedInBeforeAll<R extends Role>(webUrl: string, roles: R[]): Record<R, ApiClient> {
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    for (const role of roles) cookies.set(role, (await loginAs(webUrl, role)).cookie);
  });
  return Object.fromEntries(roles.map((role) => [role, apiClient(webUrl, () => cookies.get(role) ?? '')])) as Record<R, ApiClient>;
}
