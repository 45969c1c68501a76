import { Mark } from '@mantine/core';
import type { HighlightSegment } from '@/server/queries/searchProducts';

/** Search matches rendered as text nodes: document content is never interpreted as HTML. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <Mark key={i}>{s.text}</Mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
