import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeOf } from "../support/error-code";
import { createTestHost } from "../support/report-host";

// The smallest valid PNG: one transparent pixel.
const ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

describe("saving the 数据概览 chart through the contract", () => {
  it("writes an SVG and a PNG into the chosen folder", async () => {
    const { api, docs } = await createTestHost();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>结案率</text></svg>';
    const saved = await api.saveChartImage({ format: "svg", path: join(docs, "概览.svg"), svg });
    expect(readFileSync(saved.path, "utf8")).toBe(svg);
    const png = await api.saveChartImage({ format: "png", path: join(docs, "概览.png"), pngBase64: ONE_PIXEL_PNG });
    expect(readFileSync(png.path)).toEqual(Buffer.from(ONE_PIXEL_PNG, "base64"));
  });

  it("refuses other folders, other file names and bytes that are not the image they claim to be", async () => {
    const { api, docs } = await createTestHost();
    const outside = join(tmpdir(), `nianbao-chart-${process.pid}.svg`);
    await expect(codeOf(api.saveChartImage({ format: "svg", path: outside, svg: "<svg/>" }))).resolves.toBe("path_not_allowed");
    expect(existsSync(outside)).toBe(false);
    const script = join(docs, "概览.js");
    await expect(codeOf(api.saveChartImage({ format: "svg", path: script, svg: "<svg/>" }))).resolves.toBe("invalid_input");
    const notSvg = join(docs, "概览.svg");
    await expect(codeOf(api.saveChartImage({ format: "svg", path: notSvg, svg: "<html>…</html>" }))).resolves.toBe("invalid_input");
    const notPng = join(docs, "概览.png");
    const text = Buffer.from("not an image").toString("base64");
    await expect(codeOf(api.saveChartImage({ format: "png", path: notPng, pngBase64: text }))).resolves.toBe("invalid_input");
    expect(existsSync(notSvg) || existsSync(notPng) || existsSync(script)).toBe(false);
  });
});
