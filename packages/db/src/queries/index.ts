export * from "./submit-report";
export * from "./progress";
export * from "./campaigns";
export * from "./recompute";
export * from "./villages";
