import { readdirSync, readFileSync } from "node:fs";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { unitsOf } from "./choropleth-map";

const geo = new URL("../../../public/geo/", import.meta.url);
const units = JSON.parse(
  readFileSync(new URL("../../../../../packages/db/data/vn-admin-units.json", import.meta.url), "utf8"),
) as { provinces: { code: string }[]; communes: { code: string; provinceCode: string }[] };
const read = (path: string) => JSON.parse(readFileSync(new URL(path, geo), "utf8")) as Topology;

describe("shipped boundaries", () => {
  it("draw the 34 provinces, each under its code", () => {
    const codes = unitsOf(read("provinces.topo.json")).features.map((f) => f.properties.code);
    expect(codes.sort()).toEqual(units.provinces.map((p) => p.code).sort());
  });

  it("draw every commune of every province, each under its code, whatever the file names its layer", () => {
    const files = readdirSync(new URL("communes/", geo)).filter((f) => f.endsWith(".topo.json"));
    expect(files).toHaveLength(34);
    for (const file of files) {
      const province = file.slice(0, 2);
      const drawn = unitsOf(read(`communes/${file}`)).features.map((f) => f.properties.code);
      const expected = units.communes.filter((c) => c.provinceCode === province).map((c) => c.code);
      expect(drawn.sort(), file).toEqual(expected.sort());
    }
  });
});
