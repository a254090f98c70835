import {
  claimAlertEmail,
  getAlertEmailSettings,
  getUserAccess,
  markAlertEmailSent,
  releaseAlertEmail,
  type ClaimedNotice,
} from "@pulse/db/queries";
import { timeOfDay, type Locale } from "@pulse/indicators";
import { alertTextOf, type AlertDetails } from "@pulse/messages";
import type { AlertEmailMode } from "@pulse/schema";
import type Mail from "nodemailer/lib/mailer";
import { formatters } from "../pdf/layout/format";
import type { Mailer } from "../subscriptions/mailer";
import { errorText } from "../subscriptions/delivery-workers";
import { escapeHtml } from "../subscriptions/html";
import type { RetrySettings } from "../subscriptions/job-queue";
import { livePathOf } from "../subscriptions/report-message";
import type { Services } from "../services";

/** How many alerts one message lists (the rest are counted, and the app lists them all). */
export const ALERTS_LISTED = 40;

export interface AlertEmailInput {
  lang: Locale;
  mode: Exclude<AlertEmailMode, "off">;
  minuteOfDay: number;
  to: string;
  notices: ClaimedNotice[];
  /** the user's own command page, and the page where they change how they get alerts */
  appUrl: string;
  settingsUrl: string;
  now: Date;
}

/** One alert said in the language of the message, with when it happened: "Xã A: không có báo cáo từ … (07:05 05/12/2026)". */
function lineOf(f: ReturnType<typeof formatters>, notice: ClaimedNotice): string {
  const when = (at: Date) => `${f.time(at)} ${f.date(at)}`;
  const { key, values } = alertTextOf(
    {
      event: notice.event,
      kind: notice.alert.kind,
      since: notice.alert.since,
      details: notice.alert.details as AlertDetails,
    },
    f.lang,
    when,
  );
  return `${f.t(`alerts.${key}` as "alerts.raised.silent", values as { name: string; since: string })} (${when(notice.at)})`;
}

/** Subject, text and HTML of the alerts told to one user since their last message: new ones first, then those that ended. */
export function alertEmailMessage(m: AlertEmailInput): Mail.Options {
  const f = formatters(m.lang);
  const raised = m.notices.filter((n) => n.event === "raised");
  const resolved = m.notices.filter((n) => n.event === "resolved");
  const subject =
    m.mode === "digest"
      ? f.t("mail.alerts.digestSubject", { date: f.date(m.now), raised: raised.length, resolved: resolved.length })
      : f.t("mail.alerts.subject", { raised: raised.length, resolved: resolved.length });
  const sections = [
    { heading: f.t("mail.alerts.raisedHeading", { count: raised.length }), notices: raised },
    { heading: f.t("mail.alerts.resolvedHeading", { count: resolved.length }), notices: resolved },
  ]
    .filter((s) => s.notices.length > 0)
    .map((s) => ({
      heading: s.heading,
      lines: s.notices.slice(0, ALERTS_LISTED).map((n) => lineOf(f, n)),
      more:
        s.notices.length > ALERTS_LISTED ? f.t("mail.alerts.more", { count: s.notices.length - ALERTS_LISTED }) : null,
    }));
  const open = f.t("mail.alerts.open");
  const why = f.t("mail.alerts.why", { email: m.to, mode: m.mode, time: timeOfDay(m.minuteOfDay) });
  const change = f.t("mail.alerts.change");
  const text = [
    ...sections.flatMap((s) => [`${s.heading}:`, ...s.lines.map((l) => `- ${l}`), ...(s.more ? [s.more] : []), ""]),
    `${open}: ${m.appUrl}`,
    "",
    "--",
    why,
    `${change}: ${m.settingsUrl}`,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${m.lang}"><body style="font-family:Arial,sans-serif;color:#1f2937">
${sections
  .map(
    (s) => `<h2 style="font-size:15px">${e(s.heading)}</h2>
<ul>${s.lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul>${s.more ? `<p>${e(s.more)}</p>` : ""}`,
  )
  .join("\n")}
<p><a href="${e(m.appUrl)}">${e(open)}</a></p>
<hr><p style="font-size:12px;color:#6b7280">${e(why)}<br><a href="${e(m.settingsUrl)}">${e(change)}</a></p>
</body></html>`;
  return { to: m.to, subject, text, html };
}

/**
 * One message of a user's waiting alert notices (all of them at once, or those up to the
 * digest's time). They are claimed first with a lease, so however many processes run the job,
 * each notice goes out in one message. The retries are ours, kept on the notices: a failure
 * lets them wait (growing delays) for the planner to queue them again, and after the last try
 * they keep the mail server's answer.
 */
export async function runAlertEmailJob(
  tools: { services: Services; mailer: Mailer },
  retry: RetrySettings,
  userId: string,
  upTo: Date | null,
): Promise<void> {
  const { db, logger, webOrigin } = tools.services;
  const [user, settings] = await Promise.all([getUserAccess(db, userId), getAlertEmailSettings(db, userId)]);
  if (!user || !settings || settings.mode === "off") return;
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + retry.leaseSeconds * 1000);
  const notices = await claimAlertEmail(db, { userId, upTo, now, leaseUntil });
  if (notices.length === 0) return;
  const ids = notices.map((n) => n.id);
  try {
    const message = alertEmailMessage({
      lang: settings.lang,
      mode: settings.mode,
      minuteOfDay: settings.minuteOfDay,
      to: user.email,
      notices,
      appUrl: `${webOrigin}${livePathOf(user.scope)}`,
      settingsUrl: `${webOrigin}/subscriptions`,
      now,
    });
    await tools.mailer.send({ ...message, fileStem: `alerts-${ids[0] ?? 0}` });
    await markAlertEmailSent(db, { ids, sentAt: new Date() });
  } catch (error) {
    logger.warn({ err: error, userId, notices: ids.length }, "alert email failed");
    await releaseAlertEmail(db, { ids, error: errorText(error), now: new Date(), ...retry });
  }
}
