import { fieldErrorsOf, type FieldError } from "@pulse/schema";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context";
import { FieldErrorsCause } from "./errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Bad input comes back as field errors in Vietnamese and English, whatever caught it.
  errorFormatter({ shape, error }) {
    let fieldErrors: FieldError[] | null = null;
    if (error.cause instanceof ZodError) fieldErrors = fieldErrorsOf(error.cause);
    else if (error.cause instanceof FieldErrorsCause) fieldErrors = error.cause.errors;
    return { ...shape, data: { ...shape.data, fieldErrors } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
