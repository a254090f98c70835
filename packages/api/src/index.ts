import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, createApiCaller, type ApiCaller, type AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { assertAllowed, assertSignedIn, throttle } from "./access/gate";
export {
  openImport,
  submitBaseline,
  submitCorrection,
  submitReport,
  submitReportBatch,
  submitTeam,
  type ImportWriter,
  type IngestContext,
} from "./ingest/service";
export { importTemplateVillages } from "./ingest/template";
export { createContext, type Context } from "./context";
export type { LivePublisher } from "./live";
export { NO_DELIVERIES, type DeliveryRequests } from "./subscriptions";
export type { RecipientStatus } from "./router/subscriptions";
export { totalOf, withIndicatorsOf, type UnitProgress } from "./progress-view";
export {
  createRoomStateReader,
  type LiveProgress,
  type RoomChange,
  type RoomState,
  type RoomTotal,
} from "./live-state";
export type { Viewer } from "./router/auth";
export { governingCampaign, scopeOfCampaign } from "./router/campaign";
export type { KioskStatus } from "./router/kiosk";
export { ANONYMOUS, SYSTEM, actorOf, type Principal } from "./access/principal";
export {
  refusal,
  covers,
  communeScope,
  provinceScope,
  nationScope,
  type Action,
  type ProvinceOf,
} from "./access/rules";
export { NO_LIMITS, RateLimitedError, type RateBucket, type RateLimits } from "./access/limits";
export { hashKioskSecret } from "./access/kiosk-secret";
export { loadProvinceOf } from "./access/geography";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export {
  ApiProblem,
  apiError,
  databaseUnavailableError,
  fieldErrorsOfCause,
  isDatabaseUnavailable,
  RETRY_UNAVAILABLE_SECONDS,
  retryAfterOf,
  textOfError,
} from "./errors";
