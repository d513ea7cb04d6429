// The ECharts bundle embedded in every shaipin report: the core plus only the
// chart types and components the report uses, so the single HTML file stays
// small (a full ECharts dist is ~1 MB). When the report starts using a new
// chart type or component (visualMap, dataZoom, ...), register it here or
// the chart silently renders without it.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  CanvasRenderer,
]);

// The core registers the "ZH" locale itself (echarts/lib/core/locale.js);
// the report passes { locale: 'ZH' } to echarts.init so toolbox titles and
// aria text are Chinese.
globalThis.echarts = echarts;
