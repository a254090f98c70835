import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { ReportLayout } from "../report-layout";
import { AnnexPages } from "./annex-pages";
import { Closing } from "./closing";
import { CumulativeChart } from "./cumulative-chart";
import { DataTable } from "./data-table";
import { KpiBlock } from "./kpi-block";
import { OfficialHeader } from "./official-header";
import { RateChart } from "./rate-chart";
import { styles } from "./styles";

/** Headings keep this much of what follows on their page, or move to the next one. */
const KEEP_WITH_NEXT = 80;

function Footer({ layout }: { layout: ReportLayout }) {
  const { before, between, after } = layout.pageLabel;
  return (
    <View style={styles.footer} fixed>
      <Text>{layout.footer}</Text>
      <Text render={({ pageNumber, totalPages }) => `${before}${pageNumber}${between}${totalPages}${after}`} />
    </View>
  );
}

/** The whole report on A4 portrait pages; the nation's annex starts on a page of its own. */
export function ReportDocument({ layout }: { layout: ReportLayout }) {
  return (
    <Document title={`${layout.kind} — ${layout.scope}`} author="Commune Pulse" language={layout.lang}>
      <Page size="A4" style={styles.page}>
        <OfficialHeader layout={layout} />
        <KpiBlock layout={layout} />
        <View style={styles.section}>
          <Text style={styles.sectionTitle} minPresenceAhead={KEEP_WITH_NEXT}>
            {layout.sections.charts}
          </Text>
          <RateChart chart={layout.rateChart} />
          <CumulativeChart chart={layout.cumulative} />
        </View>
        <View style={styles.section}>
          <Text style={styles.sectionTitle} minPresenceAhead={KEEP_WITH_NEXT}>
            {layout.sections.units}
          </Text>
          <Text style={styles.caption}>{layout.unitsCaption}</Text>
          <DataTable table={layout.table} />
          {layout.teams ? (
            <View style={styles.section}>
              <Text style={styles.caption} minPresenceAhead={KEEP_WITH_NEXT}>
                {layout.teams.caption}
              </Text>
              <DataTable table={layout.teams.table} />
            </View>
          ) : null}
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{layout.sections.definitions}</Text>
          {layout.definitions.map((text) => (
            <Text key={text} style={styles.paragraph}>
              {text}
            </Text>
          ))}
        </View>
        <Closing closing={layout.closing} />
        <Footer layout={layout} />
      </Page>
      {layout.annex ? <AnnexPages annex={layout.annex} footer={<Footer layout={layout} />} /> : null}
    </Document>
  );
}
