'use client';

import { Button, Group, SegmentedControl, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { updateProductInput } from '@/server/commands/updateProduct.input';
import type { ProductView } from '@/server/queries/getProduct';
import { checkInput, messagesFor, type FieldErrors } from '../../../_components/checkInput';
import { CommandErrorAlert } from '../../../_components/CommandErrorAlert';
import { describeError } from '../../../_components/trpcErrors';
import { useTRPC } from '../../../_trpc/client';
import { useCategoryOptions } from '../../categories/useCategoryOptions';
import { editFormOf, productChanges, type ProductEditForm } from './productEdit';
import type { ProductPage } from './useProductPage';

const FIELDS = ['name', 'description', 'brand', 'categoryId', 'tags', 'status'];

export function EditProductForm({ product, page, onClose }: { product: ProductView; page: ProductPage; onClose: () => void }) {
  const trpc = useTRPC();
  const categories = useCategoryOptions();
  const [commandId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState(() => editFormOf(product));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const update = useMutation(trpc.catalog.updateProduct.mutationOptions({ onSuccess: (result) => page.showChange(result.position, onClose) }));
  const serverError = update.error ? describeError(update.error) : undefined;
  const fieldError = (name: string) => messagesFor(name, clientErrors, serverError?.fields);
  const set = <K extends keyof ProductEditForm>(key: K, value: ProductEditForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const changes = productChanges(product, form);
  const unchanged = Object.keys(changes).length === 0;
  const busy = update.isPending || page.navigating;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkInput(updateProductInput, { id: product.id, expectedVersion: product.version, ...changes, commandId });
    setClientErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) update.mutate(checked.value);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit product">
      <Stack>
        <CommandErrorAlert error={serverError} shownFields={FIELDS} onReload={() => page.reload(() => update.reset())} reloading={page.navigating} />
        <TextInput label="Name" required value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} />
        <Textarea
          label="Description"
          autosize
          minRows={3}
          maxRows={10}
          value={form.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={fieldError('description')}
        />
        <TextInput
          label="Brand"
          description="Leave empty for no brand"
          value={form.brand}
          onChange={(e) => set('brand', e.currentTarget.value)}
          error={fieldError('brand')}
        />
        <Select
          label="Category"
          placeholder={categories.loading ? 'Loading categories…' : 'Uncategorized'}
          data={categories.options}
          value={form.categoryId}
          onChange={(value) => set('categoryId', value)}
          searchable
          clearable
          error={fieldError('categoryId') ?? (categories.failed ? 'Categories could not be loaded' : undefined)}
        />
        <TagsInput label="Tags" description="Press Enter after each tag" value={form.tags} onChange={(tags) => set('tags', tags)} error={fieldError('tags')} />
        <div>
          <Text size="sm" fw={500} mb={4} id="edit-status-label">
            Status
          </Text>
          <SegmentedControl
            aria-labelledby="edit-status-label"
            value={form.status}
            onChange={(v) => set('status', v as ProductEditForm['status'])}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'draft', label: 'Draft' },
            ]}
          />
          {fieldError('status') && (
            <Text c="red" size="xs" mt={4}>
              {fieldError('status')}
            </Text>
          )}
        </div>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {unchanged ? 'Change a field to save.' : `Changing: ${Object.keys(changes).join(', ')}`}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={unchanged}>
              Save changes
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
