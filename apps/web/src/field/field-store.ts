import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OutboxEntry } from "./outbox-entry";

/** A village or residential group the user may report for, kept on the phone for offline use. */
export interface Place {
  code: string;
  name: string;
  communeCode: string;
}

/** What the reporting page keeps on the phone: the outbox, the places of each commune, and preferences. */
interface FieldDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byCreatedAt: number } };
  places: { key: string; value: { communeCode: string; places: Place[]; savedAt: number } };
  prefs: { key: string; value: { key: string; value: string } };
}

let database: Promise<IDBPDatabase<FieldDb>> | null = null;

function db(): Promise<IDBPDatabase<FieldDb>> {
  database ??= openDB<FieldDb>("pulse-field", 1, {
    upgrade(store) {
      store.createObjectStore("outbox", { keyPath: "key" }).createIndex("byCreatedAt", "createdAt");
      store.createObjectStore("places", { keyPath: "communeCode" });
      store.createObjectStore("prefs", { keyPath: "key" });
    },
  });
  return database;
}

/** Every report on this phone, newest first. */
export async function allEntries(): Promise<OutboxEntry[]> {
  return (await (await db()).getAllFromIndex("outbox", "byCreatedAt")).reverse();
}

/** Writes the entry; resolves once it is durable in the phone's storage. */
export async function putEntry(entry: OutboxEntry): Promise<void> {
  await (await db()).put("outbox", entry);
}

export async function deleteEntry(key: string): Promise<void> {
  await (await db()).delete("outbox", key);
}

/** A try cut short (the tab closed mid-send) leaves "sending": on opening, it is waiting again. */
export async function resumeInterrupted(): Promise<void> {
  const tx = (await db()).transaction("outbox", "readwrite");
  for await (const cursor of tx.store) {
    if (cursor.value.state === "sending") await cursor.update({ ...cursor.value, state: "waiting" });
  }
  await tx.done;
}

export async function savePlaces(communeCode: string, places: Place[]): Promise<void> {
  await (await db()).put("places", { communeCode, places, savedAt: Date.now() });
}

export async function loadPlaces(communeCode: string): Promise<Place[] | null> {
  return (await (await db()).get("places", communeCode))?.places ?? null;
}

export async function loadPref(key: string): Promise<string | null> {
  return (await (await db()).get("prefs", key))?.value ?? null;
}

export async function savePref(key: string, value: string): Promise<void> {
  await (await db()).put("prefs", { key, value });
}
