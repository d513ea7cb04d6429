// The ECharts bundle embedded in every shaipin report: the core plus only the
// chart types and components the report uses, so the single HTML file stays
// small (a full ECharts dist is ~1 MB). When the report starts using a new
// chart type or component (visualMap, dataZoom, ...), register it here or
// the chart silently renders without it. Line draws the trend (bump)
// charts; LabelLayout keeps their end labels from overlapping.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, MapChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  MapChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  LabelLayout,
  CanvasRenderer,
  SVGRenderer,
]);

// The core registers the "ZH" locale itself (echarts/lib/core/locale.js);
// the report passes { locale: 'ZH' } to echarts.init so toolbox titles and
// aria text are Chinese.
globalThis.echarts = echarts;
