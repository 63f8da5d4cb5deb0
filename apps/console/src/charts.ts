// ECharts for the dashboard, only the parts it draws (bars, lines, a treemap, a heat map; grid,
// tooltip, legend, visual map) on the canvas renderer. The tooltip is drawn on the canvas too
// (renderMode 'richText'): the HTML tooltip writes style attributes into markup, which the
// console's CSP (style-src 'self', no 'unsafe-inline') refuses.
import {
  BarChart,
  HeatmapChart,
  LineChart,
  TreemapChart,
  type BarSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
  type TreemapSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECElementEvent, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, TreemapChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TreemapSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;
export type ChartEvent = ECElementEvent;
export type Chart = EChartsType;

/** A chart on `el`, drawn on a canvas. */
export function makeChart(el: HTMLElement): Chart {
  return init(el, undefined, { renderer: 'canvas' });
}

/** The tooltip every chart uses: drawn on the canvas (see the header). */
export const canvasTooltip = (trigger: 'item' | 'axis'): TooltipComponentOption => ({ trigger, renderMode: 'richText', confine: true });
