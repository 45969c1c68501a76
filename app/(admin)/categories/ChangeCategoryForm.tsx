'use client';

import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { renameCategoryInput } from '@/server/commands/renameCategory.input';
import type { CategoryView } from '@/server/queries/listCategories';
import { checkInput, messagesFor, type FieldErrors } from '@/app/_components/checkInput';
import { CommandErrorAlert } from '@/app/_components/CommandErrorAlert';
import { describeError } from '@/app/_components/trpcErrors';
import { useTRPC } from '@/app/_trpc/client';
import { moveTargets, TOP_LEVEL } from './categoryTree';
import type { CategoriesPage } from './useCategoriesPage';

export type CategoryChange = 'rename' | 'move';

/** Rename or move one category (`catalog.renameCategory` does both), at the version on screen. */
export function ChangeCategoryForm(props: { category: CategoryView; change: CategoryChange; page: CategoriesPage; onClose: () => void }) {
  const { category, change, page, onClose } = props;
  const trpc = useTRPC();
  const [commandId] = useState(() => crypto.randomUUID());
  const [name, setName] = useState(category.name);
  const [parent, setParent] = useState<string>(category.parentId ?? TOP_LEVEL);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const rename = useMutation(
    trpc.catalog.renameCategory.mutationOptions({
      onSuccess: (result) => {
        page.showChange(result.position);
        onClose();
      },
    }),
  );
  const serverError = rename.error ? describeError(rename.error) : undefined;
  const fieldError = (field: string) => messagesFor(field, clientErrors, serverError?.fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const edit = change === 'rename' ? { name } : { parentId: parent === TOP_LEVEL ? null : parent };
    const checked = checkInput(renameCategoryInput, { id: category.id, expectedVersion: category.version, ...edit, commandId });
    setClientErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) rename.mutate(checked.value);
  };
  const reload = () => {
    rename.reset();
    page.reload();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={change === 'rename' ? 'Rename category' : 'Move category'}>
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={['name', 'parentId']} onReload={reload} reloading={page.tree.isFetching} />
        {change === 'rename' ? (
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-autofocus />
        ) : (
          <Select
            label="New parent"
            data={moveTargets(page.tree.data?.items ?? [], category.id)}
            value={parent}
            onChange={(value) => setParent(value ?? TOP_LEVEL)}
            allowDeselect={false}
            searchable
            error={fieldError('parentId')}
            data-autofocus
          />
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            {change === 'rename' ? 'Save name' : 'Move here'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
