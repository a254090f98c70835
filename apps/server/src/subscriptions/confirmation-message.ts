import { timeOfDay } from "@pulse/indicators";
import type { Subscription } from "@pulse/db/queries";
import type Mail from "nodemailer/lib/mailer";
import { escapeHtml } from "./html";
import { formatters } from "../pdf/layout/format";

/** The schedule in words: "07:00 hằng ngày", "08:00 Thứ Hai hằng tuần". */
export function scheduleText(subscription: Subscription): string {
  const f = formatters(subscription.lang);
  return f.t("mail.when", {
    cadence: subscription.cadence,
    time: timeOfDay(subscription.minuteOfDay),
    weekday: subscription.weekday ? f.t(`subscriptions.weekdays.${subscription.weekday as 1}`) : "",
  });
}

/** The one message an address gets before it confirms: who asks, for what, and the link. */
export function confirmationMessage(m: {
  subscription: Subscription;
  unit: string;
  to: string;
  owner: string;
  confirmUrl: string;
}): Mail.Options {
  const f = formatters(m.subscription.lang);
  const body = f.t("mail.confirmBody", {
    owner: m.owner,
    cadence: m.subscription.cadence,
    unit: m.unit,
    email: m.to,
    when: scheduleText(m.subscription),
  });
  const action = f.t("mail.confirmAction");
  const ignore = f.t("mail.confirmIgnore");
  const e = escapeHtml;
  return {
    to: m.to,
    subject: f.t("mail.confirmSubject", { unit: m.unit }),
    text: [body, "", `${action}: ${m.confirmUrl}`, "", ignore].join("\n"),
    html: `<!doctype html><html lang="${m.subscription.lang}"><body style="font-family:Arial,sans-serif;color:#1f2937">
<p>${e(body)}</p><p><a href="${e(m.confirmUrl)}">${e(action)}</a></p><p style="color:#6b7280">${e(ignore)}</p>
</body></html>`,
  };
}
