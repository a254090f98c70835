export * from "./submit-report";
export * from "./progress";
export * from "./campaigns";
export * from "./recompute";
export * from "./villages";
export * from "./correct-report";
export * from "./recent-reports";
export * from "./submit-change";
