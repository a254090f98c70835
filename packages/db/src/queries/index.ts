export * from "./progress";
export * from "./campaigns";
export * from "./villages";
export * from "./recent-reports";
export * from "./users";
export * from "./kiosk-tokens";
export * from "./audit";
export * from "./commune-detail";
