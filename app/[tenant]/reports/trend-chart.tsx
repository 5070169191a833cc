'use client';

import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

/** Colour-blind-safe palette (Okabe–Ito); every chart also has a data table beside it for screen readers. */
const palette = ['#0072B2', '#009E73', '#E69F00', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

export function TrendChart({
  kind,
  labels,
  series,
  stacked = false,
  label,
}: {
  kind: 'bar' | 'line';
  labels: string[];
  series: { label: string; data: number[] }[];
  stacked?: boolean;
  /** What the chart shows, read out instead of the canvas; the table that follows has the numbers. */
  label: string;
}) {
  const data = {
    labels,
    datasets: series.map((s, i) => ({
      label: s.label,
      data: s.data,
      backgroundColor: palette[i % palette.length],
      borderColor: palette[i % palette.length],
    })),
  };
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
  };
  return (
    <div className="relative h-64">
      {/* react-chartjs-2 gives the canvas role="img"; the label names it. */}
      {kind === 'bar' ? (
        <Bar data={data} options={options} aria-label={label} />
      ) : (
        <Line data={data} options={options} aria-label={label} />
      )}
    </div>
  );
}
