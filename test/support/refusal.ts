import { DomainError } from '@/server/domain/errors';

/** The DomainError a pure rule throws, so tests can look at its code, message and details. */
export function refusalOf(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** The DomainError a command rejects with. */
export async function refusal(command: Promise<unknown>): Promise<DomainError> {
  try {
    await command;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused, but it succeeded');
}
