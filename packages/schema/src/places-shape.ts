/*
 * What the field page reads of its places (`GET /api/v1/places`), kept free of zod so that the
 * page, loaded over a weak link, can name it without the schemas (`@pulse/schema/places`).
 */

export const PLACES_PATH = "/api/v1/places";

/** A commune's figures and its villages (most behind first), as the reporter needs them. */
export interface CommunePlaces {
  commune: {
    code: string;
    fullName: string;
    fullNameEn: string;
    eligible: number;
    eidL2Activated: number;
    householdsVisited: number;
  };
  activatedToday: number;
  villages: {
    code: string;
    name: string;
    households: number | null;
    eidL2Activated: number;
    householdsVisited: number;
  }[];
}

/** The communes of a province a province user may report for. */
export interface ProvincePlaces {
  communes: { code: string; fullName: string }[];
}
