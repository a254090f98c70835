import pino from "pino";
import pretty from "pino-pretty";
import { env } from "./env";

const options = { level: env.LOG_LEVEL, base: { app: "pulse-server" } };

/**
 * JSON lines for collectors; for a person (a terminal, or `npm start` on one), coloured lines
 * (colour when the terminal has it; `npm start` passes FORCE_COLOR through its pipe).
 */
export const logger =
  env.LOG_FORMAT === "pretty"
    ? pino(
        options,
        pretty({
          ignore: "pid,hostname,app",
          translateTime: "SYS:HH:MM:ss",
          singleLine: true,
          sync: true,
        }),
      )
    : pino(options);
