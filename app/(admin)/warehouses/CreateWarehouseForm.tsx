'use client';

import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createWarehouseInput } from '@/server/commands/createWarehouse.input';
import { checkInput, messagesFor, type FieldErrors } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { describeError } from '@/app/_components/trpcErrors';
import { useTRPC } from '@/app/_trpc/client';

/** One form, one commandId: the page mounts a fresh form after each warehouse it creates. */
export function CreateWarehouseForm({ onCreated, onReload }: { onCreated: (position: string) => void; onReload: () => void }) {
  const trpc = useTRPC();
  const [commandId] = useState(() => crypto.randomUUID());
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation(trpc.inventory.createWarehouse.mutationOptions({ onSuccess: (result) => onCreated(result.position) }));
  const serverError = create.error ? describeError(create.error) : undefined;
  const fieldError = (field: string) => messagesFor(field, clientErrors, serverError?.fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkInput(createWarehouseInput, { code, name, commandId });
    setClientErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
  };

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} noValidate aria-label="New warehouse">
      <Stack>
        <Title order={3} size="h5">
          New warehouse
        </Title>
        <CommandErrorAlert error={serverError} shownFields={['code', 'name']} onReload={onReload} />
        <Group align="start" grow>
          <TextInput
            label="Code"
            description="Letters, digits and dashes, e.g. BER-1"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError('code')}
          />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
        </Group>
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create warehouse
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
