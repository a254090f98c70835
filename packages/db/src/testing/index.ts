export { seededDatabase, seededDatabaseForProcess, emptyDatabase, testEnv } from "./database";
export { TEST_NOW } from "./fixed-now";
export { countsReport, villageOf } from "./reports";
