'use client';

import { Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { createWarehouseInput } from '@/server/commands/createWarehouse.input';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { FormActions } from '@/app/_components/FormActions';
import { textFields } from '@/app/_components/textFields';
import { useCommandForm } from '@/app/_components/useCommandForm';
import { useFormValues } from '@/app/_components/useFormValues';
import { useTRPC } from '@/app/_trpc/client';

/** One form, one commandId: the page mounts a fresh form after each warehouse it creates. */
export function CreateWarehouseForm({ onCreated, onReload }: { onCreated: (position: string) => void; onReload: () => void }) {
  const trpc = useTRPC();
  const [form, setForm] = useFormValues({ code: '', name: '' });
  const create = useMutation(trpc.inventory.createWarehouse.mutationOptions({ onSuccess: (result) => onCreated(result.position) }));
  const { commandId, serverError, fieldError, submit } = useCommandForm(createWarehouseInput, create);
  const field = textFields(form, setForm, fieldError);

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit(() => ({ ...form, commandId }))} noValidate aria-label="New warehouse">
      <Stack>
        <Title order={3} size="h5">
          New warehouse
        </Title>
        <CommandErrorAlert error={serverError} shownFields={['code', 'name']} onReload={onReload} />
        <Group align="start" grow>
          <TextInput label="Code" description="Letters, digits and dashes, e.g. BER-1" required {...field('code')} />
          <TextInput label="Name" required {...field('name')} />
        </Group>
        <FormActions submit="Create warehouse" busy={create.isPending} />
      </Stack>
    </Paper>
  );
}
