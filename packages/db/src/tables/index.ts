export * from "./geo";
export * from "./campaign";
export * from "./ledger";
export * from "./auth";
export * from "./access";
export * from "./subscriptions";
export * from "./alerts";
