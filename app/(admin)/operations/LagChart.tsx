'use client';

import { LineChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatBytes, formatDuration } from '@/app/_components/figures';
import { lagChartRows, type LagMetric, type LagSample } from './lagWindow';

const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'red.6', 'lime.7', 'pink.6'];

/** Lag per projection over the last few minutes of polls (kept in the browser only). */
export function LagChart({ samples, projections }: { samples: LagSample[]; projections: string[] }) {
  const [metric, setMetric] = useState<LagMetric>('lagMs');
  return (
    <Card withBorder component="section" aria-labelledby="lag-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="lag-title">
          Lag over time
        </Title>
        <SegmentedControl
          aria-label="Lag measured in"
          size="xs"
          value={metric}
          onChange={(value) => setMetric(value as LagMetric)}
          data={[
            { value: 'lagMs', label: 'Time' },
            { value: 'lagBytes', label: 'WAL bytes' },
          ]}
        />
      </Group>
      {samples.length < 2 ? (
        <Text c="dimmed" size="sm">
          Collecting samples (one every 2 s while this page is open)…
        </Text>
      ) : (
        <figure aria-label="Lag per projection" style={{ margin: 0 }} data-testid="lag-chart">
          <LineChart
            h={260}
            data={lagChartRows(samples, metric)}
            dataKey="time"
            series={projections.map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }))}
            valueFormatter={metric === 'lagMs' ? formatDuration : formatBytes}
            withDots={false}
            withLegend
            curveType="linear"
            lineProps={{ isAnimationActive: false }}
          />
        </figure>
      )}
    </Card>
  );
}
