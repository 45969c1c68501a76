import { DetailSkeleton } from '@/app/_components/DetailSkeleton';

export default function LoadingOrder() {
  return <DetailSkeleton label="Loading order" />;
}
