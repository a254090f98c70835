import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, for SMTP_URL */
  url: string;
  /** every message the server accepted, parsed */
  messages: ParsedMail[];
  /** while set, every message is refused with this temporary error (a mail server in trouble) */
  refuseWith: string | null;
  /** how many messages were refused */
  refused: number;
  /** waits until `count` messages were accepted (fails after `timeoutMs`) */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server in the test's process (smtp-server), reading what it receives with mailparser. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: "",
    messages: [],
    refuseWith: null,
    refused: 0,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.messages.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} messages, the SMTP server received ${sink.messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return sink.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (sink.refuseWith) {
          sink.refused += 1;
          const error = Object.assign(new Error(sink.refuseWith), { responseCode: 451 });
          return callback(error);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            sink.messages.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
