import { closeSync, existsSync, openSync, readFileSync, writeFileSync, ftruncateSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { NianbaoError } from "../../../core/errors/nianbao-error";
import { importReportFile } from "../../../host/import/import-report-file";
import { runCli } from "../../support/run-cli";
import { fixedDeps } from "../../support/deps";
import { rejectionOf } from "../../support/error-code";
import { fazhiTemplate, repoRoot } from "../../support/template";
import { tempDir } from "./support/convert";
import { makeDocx, OLE_SIGNATURE, paragraphXml } from "./support/make-docx";

async function importError(name: string, bytes: Uint8Array | string): Promise<NianbaoError> {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return rejectionOf(importReportFile(path, { template: fazhiTemplate(), deps: fixedDeps() }));
}

const BODY = [
  paragraphXml("2023年度某镇法治政府建设工作报告"),
  paragraphXml("一、主要举措和成效"),
  paragraphXml("全年受理信访件590件。"),
].join("");

describe("bad input gets a clear message", () => {
  it("refuses a corrupt or truncated zip", async () => {
    const garbage = await importError("garbage.docx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(garbage.code).toBe("file_corrupt");
    expect(garbage.zh).toContain("已损坏");
    const good = makeDocx(BODY);
    const truncated = await importError("truncated.docx", good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.code).toBe("file_corrupt");
    const notZip = await importError("text.docx", "这其实是一段文本");
    expect(notZip.zh).toContain("不是 Word");
  });

  it("refuses a zip bomb before inflating it, also when the entry lies about its size", async () => {
    const huge = new Uint8Array(40 * 1024 * 1024).fill(0x41);
    const bomb = zipSync({ "_rels/.rels": strToU8(""), "word/document.xml": huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const declared = await importError("bomb.docx", bomb);
    expect(declared.code).toBe("file_too_large");
    expect(declared.zh).toContain("解压后过大");

    // Shrink the declared size in the central directory: inflation stops at the declared size.
    const liar = zipSync({ "word/document.xml": huge }, { level: 9 });
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    let end = liar.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint32(view.getUint32(end + 16, true) + 24, 4096, true);
    const lied = await importError("liar.docx", liar);
    expect(lied.code).toBe("file_corrupt");
  });

  it("refuses DOCTYPE and entity declarations without expanding them", async () => {
    const xxe = makeDocx(paragraphXml("&xxe;"), { prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' });
    const error = await importError("xxe.docx", xxe);
    expect(error.code).toBe("file_corrupt");
    expect(error.zh).toContain("DOCTYPE");
    const laughs = makeDocx(paragraphXml("&lol9;"), {
      prolog: `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("")}]>`,
    });
    expect((await importError("laughs.docx", laughs)).zh).toContain("DOCTYPE");
    const styles = makeDocx(BODY, {
      extra: { "word/styles.xml": strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles/>') },
    });
    expect((await importError("styles.docx", styles)).zh).toContain("DOCTYPE");
  });

  it("explains an encrypted .docx and a legacy .doc/.wps file", async () => {
    const encrypted = new Uint8Array(4096);
    encrypted.set(OLE_SIGNATURE);
    encrypted.set(iconv.encode("EncryptedPackage", "utf16le"), 1024);
    const error = await importError("secret.docx", encrypted);
    expect(error.code).toBe("unsupported_format");
    expect(error.zh).toContain("已加密");
    const legacy = new Uint8Array(4096);
    legacy.set(OLE_SIGNATURE);
    expect((await importError("old.docx", legacy)).zh).toContain("另存为");
    const doc = await importError("report.doc", legacy);
    expect(doc.zh).toContain("另存为");
    expect(doc.message).toContain(".docx");
    expect((await importError("report.wps", legacy)).zh).toContain("WPS");
    expect((await importError("report.pdf", "%PDF-1.7")).zh).toContain("PDF");
  });

  it("refuses an empty file, an image-only document and a 50 MB file", async () => {
    expect((await importError("empty.docx", new Uint8Array())).zh).toContain("空");
    expect((await importError("empty.txt", "")).zh).toContain("空");
    const picture = makeDocx('<w:p><w:r><w:drawing><wp:inline xmlns:wp="x"><a:graphic xmlns:a="y"/></wp:inline></w:drawing></w:r></w:p>');
    const imageOnly = await importError("scan.docx", picture);
    expect(imageOnly.zh).toContain("没有可导入的文字");
    const big = join(tempDir(), "big.docx");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    await expect(importReportFile(big, { template: fazhiTemplate(), deps: fixedDeps() })).rejects.toMatchObject({ code: "file_too_large" });
  });

  it("leaves an existing report untouched when the import fails, and exits 2 with both languages", () => {
    const dir = tempDir();
    const target = join(dir, "keep.nianbao");
    writeFileSync(target, "existing work");
    const bad = join(dir, "bad.docx");
    writeFileSync(bad, "PK\u0003\u0004broken");
    const r = runCli(["import", bad, "-o", target, "--force"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("错误：");
    expect(r.stderr).toContain("Error:");
    expect(r.stderr).not.toContain("    at ");
    expect(readFileSync(target, "utf8")).toBe("existing work");
    expect(existsSync(`${target}.bak`)).toBe(false);
  });
});

describe("text encodings", () => {
  it("reads a GBK text file (as Notepad and WPS save them) and says so", async () => {
    const source = readFileSync(join(repoRoot, "test/fixtures/import/street-pasted-2023.txt"), "utf8");
    const path = join(tempDir(), "gbk.txt");
    writeFileSync(path, iconv.encode(source, "gbk"));
    const { report, notices, recognized } = await importReportFile(path, { template: fazhiTemplate(), deps: fixedDeps() });
    expect(notices.map((n) => n.zh).join()).toContain("GBK");
    expect(report.meta.org).toBe("青石街道办事处");
    expect(recognized?.headings.filter((h) => h.level === 1).map((h) => h.part)).toEqual(["measures", "shortcomings", "nextYear", "duty"]);
    expect(recognized?.fields.find((f) => f.value === "23000")?.text).toBe("全年办理各类政务服务事项2.3万件");
  });
});
