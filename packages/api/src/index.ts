import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { createContext, type Context } from "./context";
export type { LivePublisher } from "./live";
export type { UnitProgress } from "./progress-view";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { fieldErrorsOfCause, isDatabaseUnavailable } from "./errors";
