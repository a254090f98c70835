import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

export interface MailerSettings {
  /** smtp://user:pass@host:587 or smtps://…; unset: messages are written to `outboxDir` as .eml files */
  smtpUrl?: string | undefined;
  outboxDir: string;
  /** the From of every message */
  from: string;
}

export interface Mailer {
  /** sends one message; resolves once the SMTP server accepted it (or the file is written): the file's name, if any */
  send(message: Mail.Options & { fileStem: string }): Promise<{ outboxFile: string | null }>;
  close(): void;
}

/** A name safe on every file system, that sorts by time: 2026-12-04T07-00-00-<stem>.eml */
const fileNameOf = (stem: string, at: Date) =>
  `${at
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/:/g, "-")}-${stem.replace(/[^a-zA-Z0-9-]/g, "")}.eml`;

/** Messages over SMTP (nodemailer), or — with no SMTP server set, as in the demo — into a folder a person can open. */
export function createMailer({ smtpUrl, outboxDir, from }: MailerSettings): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send({ fileStem: _stem, ...message }) {
        await transport.sendMail({ from, ...message });
        return { outboxFile: null };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send({ fileStem, ...message }) {
      const info = await transport.sendMail({ from, ...message });
      const name = fileNameOf(fileStem, new Date());
      await mkdir(outboxDir, { recursive: true });
      await writeFile(join(outboxDir, name), info.message);
      return { outboxFile: name };
    },
    close: () => transport.close(),
  };
}

/** Whether `name` is one this mailer could have written (no path, no traversal). */
export const isOutboxFileName = (name: string) => /^[0-9T-]+-[a-zA-Z0-9-]+\.eml$/.test(name);
