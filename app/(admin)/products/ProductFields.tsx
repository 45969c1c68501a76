'use client';

import { Group, SegmentedControl, Select, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import type { z } from 'zod';
import { productStatusField } from '@/server/commands/createProduct.input';
import { useCategoryOptions } from '@/app/(admin)/categories/useCategoryOptions';

/** What a product form edits of every product; an empty brand means none. */
export interface ProductFieldValues {
  name: string;
  description: string;
  brand: string;
  categoryId: string | null;
  tags: string[];
  status: z.infer<typeof productStatusField>;
}

const STATUS_OPTIONS = productStatusField.options.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) }));

interface ProductFieldsProps {
  value: ProductFieldValues;
  onChange: (patch: Partial<ProductFieldValues>) => void;
  error: (field: keyof ProductFieldValues) => string | undefined;
  /** The new-product form's SKU: it shares the first row with Brand. Without it Brand follows Description. */
  sku?: ReactNode;
  /** The new-product form's price: it goes between Description and Category. */
  pricing?: ReactNode;
  brandDescription?: string;
  descriptionMaxRows?: number;
}

/** The fields the new-product and edit-product forms share: name, description, brand, category, tags and status. */
export function ProductFields({ value, onChange, error, sku, pricing, brandDescription, descriptionMaxRows }: ProductFieldsProps) {
  const categories = useCategoryOptions();
  const statusLabelId = useId();
  const brand = (
    <TextInput
      label="Brand"
      description={brandDescription}
      value={value.brand}
      onChange={(e) => onChange({ brand: e.currentTarget.value })}
      error={error('brand')}
    />
  );

  return (
    <>
      {sku && (
        <Group grow align="start">
          {sku}
          {brand}
        </Group>
      )}
      <TextInput label="Name" required value={value.name} onChange={(e) => onChange({ name: e.currentTarget.value })} error={error('name')} />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        maxRows={descriptionMaxRows}
        value={value.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        error={error('description')}
      />
      {pricing}
      {!sku && brand}
      <Select
        label="Category"
        placeholder={categories.loading ? 'Loading categories…' : 'Uncategorized'}
        data={categories.options}
        value={value.categoryId}
        onChange={(categoryId) => onChange({ categoryId })}
        searchable
        clearable
        error={error('categoryId') ?? (categories.failed ? 'Categories could not be loaded' : undefined)}
      />
      <TagsInput label="Tags" description="Press Enter after each tag" value={value.tags} onChange={(tags) => onChange({ tags })} error={error('tags')} />
      <div>
        <Text size="sm" fw={500} mb={4} id={statusLabelId}>
          Status
        </Text>
        <SegmentedControl aria-labelledby={statusLabelId} value={value.status} onChange={(status) => onChange({ status })} data={STATUS_OPTIONS} />
        {error('status') && (
          <Text c="red" size="xs" mt={4}>
            {error('status')}
          </Text>
        )}
      </div>
    </>
  );
}
