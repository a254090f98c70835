export * from "./codes";
export * from "./counters";
export * from "./report";
export * from "./live";
export * from "./errors";
export * from "./changes";
export * from "./import";
export * from "./access";
