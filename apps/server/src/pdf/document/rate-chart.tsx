import { Line, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { RateChartLayout } from "../report-layout";
import { CONTENT_WIDTH, MUTED, RULE, styles, TONE_FILL } from "./styles";

const LABEL = 150;
const VALUE = 40;
const TRACK = CONTENT_WIDTH - LABEL - VALUE - 8;
const BAR_ROW = 10;
const RANKED = { axis: 30, height: 150 } as const;

const s = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "center", height: BAR_ROW },
  // A line taller than its row would be dropped by react-pdf: the line height is set to fit.
  label: { width: LABEL, fontSize: 7, lineHeight: 1.2, paddingRight: 4, textAlign: "right" },
  value: { width: VALUE, fontSize: 7, lineHeight: 1.2, paddingLeft: 4 },
  tick: { position: "absolute", fontSize: 6.5, color: MUTED },
});

/** 0..100% on the track; a rate above 100% is drawn to the end (its text says how far). */
const share = (tenths: number | null) => Math.min(Math.max(tenths ?? 0, 0), 1000) / 1000;
const PERCENT_TICKS = [0, 250, 500, 750, 1000];

/** One labelled bar per unit, highest first, with the campaign target as a dashed line. */
function LabelledBars({ chart }: { chart: RateChartLayout }) {
  const height = chart.bars.length * BAR_ROW;
  return (
    <View style={{ flexDirection: "row" }}>
      <View>
        {chart.bars.map((bar) => (
          <View key={bar.label} style={s.row}>
            <Text style={s.label}>{bar.label}</Text>
            <View style={{ width: TRACK }} />
            <Text style={s.value}>{bar.text}</Text>
          </View>
        ))}
      </View>
      <Svg width={TRACK} height={height} style={{ position: "absolute", left: LABEL }}>
        {chart.bars.map((bar, i) => (
          <Rect
            key={bar.label}
            x={0}
            y={i * BAR_ROW + 2}
            width={Math.max(share(bar.tenths) * TRACK, 0.5)}
            height={BAR_ROW - 4}
            fill={TONE_FILL[bar.tone]}
          />
        ))}
        <Line x1={0} y1={0} x2={0} y2={height} stroke={RULE} strokeWidth={0.75} />
        {chart.targetTenths === null ? null : (
          <Line
            x1={share(chart.targetTenths) * TRACK}
            y1={0}
            x2={share(chart.targetTenths) * TRACK}
            y2={height}
            stroke="#0f172a"
            strokeWidth={0.75}
            strokeDasharray="3 2"
          />
        )}
      </Svg>
    </View>
  );
}

/** Too many units to name: one thin column each, highest first, on a 0–100% axis. */
function RankedColumns({ chart }: { chart: RateChartLayout }) {
  const width = CONTENT_WIDTH - RANKED.axis;
  const { height } = RANKED;
  const step = width / chart.bars.length;
  const y = (tenths: number | null) => height - share(tenths) * height;
  return (
    <View style={{ height: height + 16 }}>
      {PERCENT_TICKS.map((tick) => (
        <Text key={tick} style={[s.tick, { left: 0, top: y(tick) - 4, width: RANKED.axis - 4, textAlign: "right" }]}>
          {tick / 10}%
        </Text>
      ))}
      <Svg width={width} height={height} style={{ position: "absolute", left: RANKED.axis }}>
        {PERCENT_TICKS.map((tick) => (
          <Line key={tick} x1={0} y1={y(tick)} x2={width} y2={y(tick)} stroke={RULE} strokeWidth={0.4} />
        ))}
        {chart.bars.map((bar, i) => (
          <Rect
            key={`${i}`}
            x={i * step + step * 0.1}
            y={y(bar.tenths)}
            width={step * 0.8}
            height={height - y(bar.tenths)}
            fill={TONE_FILL[bar.tone]}
          />
        ))}
        {chart.targetTenths === null ? null : (
          <Line
            x1={0}
            y1={y(chart.targetTenths)}
            x2={width}
            y2={y(chart.targetTenths)}
            stroke="#0f172a"
            strokeWidth={0.75}
            strokeDasharray="3 2"
          />
        )}
      </Svg>
      <Text style={[s.tick, { top: height + 3, left: RANKED.axis }]}>1</Text>
      <Text style={[s.tick, { top: height + 3, left: RANKED.axis, width, textAlign: "center" }]}>
        {chart.rankedAxis}
      </Text>
      <Text style={[s.tick, { top: height + 3, left: RANKED.axis, width, textAlign: "right" }]}>
        {chart.bars.length}
      </Text>
    </View>
  );
}

/** Figure 1, never split across pages. */
export function RateChart({ chart }: { chart: RateChartLayout }) {
  return (
    <View wrap={false} style={{ marginBottom: 12 }}>
      <Text style={styles.caption}>{chart.title}</Text>
      {chart.ranked ? <RankedColumns chart={chart} /> : <LabelledBars chart={chart} />}
      <Text style={styles.note}>{chart.note}</Text>
    </View>
  );
}
