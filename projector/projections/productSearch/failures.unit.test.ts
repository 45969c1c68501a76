import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { classifyMeiliFailure, TaskFailedError } from './failures';

const apiError = (status: number, code: string, type: string) =>
  new MeilisearchApiError(new Response(null, { status }), { message: code, code, type, link: '' } as never);

describe('classifyMeiliFailure', () => {
  it('sends a request over the payload limit again in smaller pages', () => {
    expect(classifyMeiliFailure(apiError(413, 'payload_too_large', 'invalid_request'))).toBe('too-large');
  });

  it('dead-letters only what Meilisearch refuses about the documents themselves', () => {
    expect(classifyMeiliFailure(new TaskFailedError('bad id', 'invalid_document_id', 'invalid_request'))).toBe('refused');
    expect(classifyMeiliFailure(new TaskFailedError('bad geo', 'invalid_document_geo_field', 'invalid_request'))).toBe('refused');
    expect(classifyMeiliFailure(apiError(400, 'malformed_payload', 'invalid_request'))).toBe('refused');
  });

  it('retries failures about Meilisearch itself, whatever stage they come from: a full disk must not skip documents', () => {
    expect(classifyMeiliFailure(new TaskFailedError('disk full', 'no_space_left_on_device', 'system'))).toBe('temporary');
    expect(classifyMeiliFailure(new TaskFailedError('too big', 'database_size_limit_reached', 'internal'))).toBe('temporary');
    expect(classifyMeiliFailure(new TaskFailedError('index full', 'index_size_limit_reached', 'invalid_request'))).toBe('temporary');
    expect(classifyMeiliFailure(new TaskFailedError('oops', 'internal', 'internal'))).toBe('temporary');
    expect(classifyMeiliFailure(apiError(401, 'invalid_api_key', 'auth'))).toBe('temporary');
    expect(classifyMeiliFailure(apiError(503, 'internal', 'internal'))).toBe('temporary');
    expect(classifyMeiliFailure(new MeilisearchRequestError('http://127.0.0.1:1', new Error('ECONNREFUSED')))).toBe('temporary');
    expect(classifyMeiliFailure(new Error('timeout'))).toBe('temporary');
  });
});
