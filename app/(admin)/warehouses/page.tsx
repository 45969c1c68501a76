import type { Metadata } from 'next';
import { WarehousesScreen } from './WarehousesScreen';

export const metadata: Metadata = { title: 'Warehouses' };

export default function WarehousesPage() {
  return <WarehousesScreen />;
}
