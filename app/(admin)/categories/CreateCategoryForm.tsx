'use client';

import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createCategoryInput } from '@/server/commands/createCategory.input';
import { checkInput, messagesFor, type FieldErrors } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { describeError } from '@/app/_components/trpcErrors';
import { useTRPC } from '@/app/_trpc/client';
import type { CategoriesPage } from './useCategoriesPage';

/** One form, one commandId: the page mounts a fresh form after each category it creates. */
export function CreateCategoryForm({ page, onCreated }: { page: CategoriesPage; onCreated: () => void }) {
  const trpc = useTRPC();
  const [commandId] = useState(() => crypto.randomUUID());
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.catalog.createCategory.mutationOptions({
      onSuccess: (result) => {
        page.showChange(result.position);
        onCreated();
      },
    }),
  );
  const serverError = create.error ? describeError(create.error) : undefined;
  const fieldError = (field: string) => messagesFor(field, clientErrors, serverError?.fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkInput(createCategoryInput, { name, parentId: parentId ?? undefined, commandId });
    setClientErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) create.mutate(checked.value);
  };

  const options = (page.tree.data?.items ?? []).map((c) => ({ value: c.id, label: c.path.join(' › ') }));
  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} noValidate aria-label="New category">
      <Stack>
        <Title order={3} size="h5">
          New category
        </Title>
        <CommandErrorAlert error={serverError} shownFields={['name', 'parentId']} onReload={page.reload} />
        <Group align="start" grow>
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
          <Select
            label="Parent"
            placeholder="None (top level)"
            data={options}
            value={parentId}
            onChange={setParentId}
            searchable
            clearable
            nothingFoundMessage="No category matches"
            error={fieldError('parentId')}
          />
        </Group>
        <Group justify="end">
          <Button type="submit" loading={create.isPending}>
            Create category
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
