import { redirect } from 'next/navigation';

/** Home: the catalog until the dashboard lands. */
export default function Home() {
  redirect('/products');
}
