import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogSearch } from './CatalogSearch';

export const metadata: Metadata = { title: 'Catalog' };

export default function CatalogPage() {
  return (
    <Suspense>
      <CatalogSearch />
    </Suspense>
  );
}
