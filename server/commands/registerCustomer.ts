import { customers } from '@/db/write/schema';
import { customerEmailTaken, customerRegistered } from '../domain/customers';
import { pgError, UNIQUE_VIOLATION } from '../domain/pgErrors';
import type { RegisterCustomerInput } from './registerCustomer.input';
import { runCommand, type Actor, type CommandDeps, type CommandResult } from './runCommand';

export async function registerCustomer(deps: CommandDeps, actor: Actor | null, input: RegisterCustomerInput): Promise<CommandResult> {
  return runCommand(deps, { command: 'customers.register', actor, commandId: input.commandId }, async (tx) => {
    const [row] = await tx
      .insert(customers)
      .values({ email: input.email, name: input.name })
      .returning({ id: customers.id, version: customers.version })
      .catch((error: unknown) => {
        // The unique constraint decides, so two registrations of one address at once cannot both win.
        const pg = pgError(error);
        if (pg?.code === UNIQUE_VIOLATION && pg.constraint === 'customers_email_unique') throw customerEmailTaken(input.email);
        throw error;
      });
    return {
      aggregateType: 'customer',
      aggregateId: row!.id,
      version: row!.version,
      event: customerRegistered({ email: input.email, name: input.name }),
    };
  });
}
