import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { ReportLayout } from "../report-layout";
import { Closing } from "./closing";
import { CumulativeChart } from "./cumulative-chart";
import { DataTable } from "./data-table";
import { KpiBlock } from "./kpi-block";
import { OfficialHeader } from "./official-header";
import { RateChart } from "./rate-chart";
import { styles } from "./styles";
import { TablePages } from "./table-pages";

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

/** Above this many rows the units table goes on pages cut in advance (a province's communes). */
const LONG_TABLE = 40;
/** The height of the definitions and the closing block, in table rows. */
const DEFINITIONS_ROWS = 30;
const TEAMS_ROWS = 8;

function Definitions({ layout }: { layout: ReportLayout }) {
  return (
    <>
      <View style={styles.section} wrap={false}>
        <Text style={styles.sectionTitle}>{layout.sections.definitions}</Text>
        {layout.definitions.map((text) => (
          <Text key={text} style={styles.paragraph}>
            {text}
          </Text>
        ))}
      </View>
      <Closing closing={layout.closing} />
    </>
  );
}

/** A commune's teams by kind, under its villages. */
function Teams({ layout }: { layout: ReportLayout }) {
  if (!layout.teams) return null;
  return (
    <View style={styles.section}>
      <Text style={styles.caption} minPresenceAhead={KEEP_WITH_NEXT}>
        {layout.teams.caption}
      </Text>
      <DataTable table={layout.teams.table} />
    </View>
  );
}

function UnitsTitle({ layout }: { layout: ReportLayout }) {
  return (
    <>
      <Text style={styles.sectionTitle} minPresenceAhead={KEEP_WITH_NEXT}>
        {layout.sections.units}
      </Text>
      <Text style={styles.caption}>{layout.unitsCaption}</Text>
    </>
  );
}

/**
 * The whole report on A4 portrait pages. A long units table starts on a page of its own and runs
 * on pages cut in advance, as does the nation's annex; the rest flows.
 */
export function ReportDocument({ layout }: { layout: ReportLayout }) {
  const footer = <Footer layout={layout} />;
  const long = layout.table.rows.length > LONG_TABLE;
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
        {long ? null : (
          <>
            <View style={styles.section}>
              <UnitsTitle layout={layout} />
              <DataTable table={layout.table} />
              <Teams layout={layout} />
            </View>
            <Definitions layout={layout} />
          </>
        )}
        {footer}
      </Page>
      {long ? (
        <TablePages
          title={<UnitsTitle layout={layout} />}
          table={layout.table}
          footer={footer}
          after={
            <>
              <Teams layout={layout} />
              <Definitions layout={layout} />
            </>
          }
          afterRows={DEFINITIONS_ROWS + (layout.teams ? TEAMS_ROWS : 0)}
        />
      ) : null}
      {layout.annex ? (
        <TablePages
          title={
            <>
              <Text style={styles.sectionTitle}>{layout.annex.title}</Text>
              <Text style={[styles.note, { marginBottom: 6, marginTop: 0 }]}>{layout.annex.intro}</Text>
            </>
          }
          table={layout.annex.table}
          groups={layout.annex.groups}
          footer={footer}
        />
      ) : null}
    </Document>
  );
}
