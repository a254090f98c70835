export * from "./rate";
export * from "./days";
export * from "./pace";
export * from "./coverage";
export * from "./aggregate";
export * from "./progress";
export * from "./series";
export * from "./lateness";
