export * from "./progress";
export * from "./campaigns";
export * from "./villages";
export * from "./recent-reports";
export * from "./access";
export * from "./commune-detail";
