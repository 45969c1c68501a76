import { DetailSkeleton } from '@/app/_components/DetailSkeleton';

export default function LoadingCustomer() {
  return <DetailSkeleton label="Loading customer" />;
}
