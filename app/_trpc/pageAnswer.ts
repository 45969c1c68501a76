import 'server-only';
import { notFound } from 'next/navigation';
import { orNotFound, serverCaller } from './server';

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/**
 * The answer behind an aggregate's page, read with the page's input (`after` included). Not
 * found (a 404) when the input is invalid or the aggregate does not exist; `null` when a command
 * has just saved it (`after` is set) but the read model does not show it yet.
 */
export async function pageAnswer<Input extends { after?: string }, Answer>(
  input: { success: true; data: Input } | { success: false },
  read: (caller: Caller, input: Input) => Promise<Answer>,
): Promise<Answer | null> {
  if (!input.success) notFound();
  const answer = await orNotFound(read(await serverCaller(), input.data));
  if (!answer && !input.data.after) notFound();
  return answer;
}
