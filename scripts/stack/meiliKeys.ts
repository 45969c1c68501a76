import { createHash } from 'node:crypto';
import { Meilisearch, MeilisearchApiError } from 'meilisearch';

/** A fixed key uid per index, so every setup finds the key it created before (a UUID, as Meilisearch wants). */
export function searchKeyUid(index: string): string {
  const hex = createHash('sha256').update(`storefront-web-search:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The key the web server searches with: action `search` on the products index only, so it can
 * neither read other indexes nor change documents or settings. Created with the master key,
 * which only the setup and the projector hold. Idempotent.
 */
export async function ensureSearchKey(url: string, masterKey: string, index: string): Promise<string> {
  const client = new Meilisearch({ host: url, apiKey: masterKey });
  const uid = searchKeyUid(index);
  try {
    return (await client.getKey(uid)).key;
  } catch (error) {
    if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'api_key_not_found') throw error;
  }
  const created = await client.createKey({
    uid,
    name: `storefront web search (${index})`,
    description: 'Used by the web server: search the products index, nothing else',
    actions: ['search'],
    indexes: [index],
    expiresAt: null,
  });
  return created.key;
}
