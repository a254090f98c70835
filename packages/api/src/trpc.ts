import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import { fieldErrorsOfCause } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Bad input comes back as field errors in Vietnamese and English, whatever caught it.
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, fieldErrors: fieldErrorsOfCause(error.cause) } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
