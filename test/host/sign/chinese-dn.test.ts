import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCadesDetachedCms } from "../../../host/sign/create-cades-cms";
import { loadSigningIdentity, type SigningIdentity } from "../../../host/sign/signing-identity";
import { verifyDetachedCms } from "../../../host/sign/verify-detached-cms";
import { makeTestCertificates, TEST_PASSWORD } from "./support/test-certificates";

let identity: SigningIdentity;
let certPem: string;
beforeAll(() => {
  const certs = makeTestCertificates();
  identity = loadSigningIdentity(readFileSync(certs.valid), TEST_PASSWORD, new Date());
  certPem = certs.certPem;
});

describe("certificates with Chinese names", () => {
  // A CMS names its signer by issuer and serial: an issuer re-encoded differently (node-forge wrote
  // UTF-8 names twice) names no certificate, and OpenSSL answers "signer certificate not found".
  it("the detached signature names the certificate, for our verifier and for OpenSSL", async () => {
    const content = Buffer.from("2024年度法治政府建设工作报告");
    const cms = await createCadesDetachedCms(content, identity, { signingTime: new Date("2025-01-20T01:30:00Z") });
    const ours = verifyDetachedCms(cms, content);
    expect(ours).toMatchObject({ signatureValid: true, digestMatches: true, signer: "C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府" });
    expect(ours.signedAt?.toISOString()).toBe("2025-01-20T01:30:00.000Z");

    const dir = mkdtempSync(join(tmpdir(), "nianbao-dn-"));
    writeFileSync(join(dir, "content.txt"), content);
    writeFileSync(join(dir, "content.p7s"), cms);
    const verify = (file: string) =>
      spawnSync(
        "openssl",
        [
          "cms",
          "-verify",
          "-binary",
          "-inform",
          "DER",
          "-in",
          join(dir, "content.p7s"),
          "-content",
          file,
          "-noverify",
          "-out",
          "/dev/null",
        ],
        { encoding: "utf8" },
      );
    const accepted = verify(join(dir, "content.txt"));
    expect(accepted.stderr).toContain("Verification successful");
    expect(accepted.status).toBe(0);
    // The signer the CMS names is the certificate the test issued, by its Chinese issuer.
    const signerOut = join(dir, "signer.pem");
    spawnSync("openssl", [
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      join(dir, "content.p7s"),
      "-content",
      join(dir, "content.txt"),
      "-noverify",
      "-out",
      "/dev/null",
      "-signer",
      signerOut,
    ]);
    expect(readFileSync(signerOut, "utf8").replace(/\s/g, "")).toBe(readFileSync(certPem, "utf8").replace(/\s/g, ""));

    writeFileSync(join(dir, "changed.txt"), Buffer.from("2024年度法治政府建设工作报吿"));
    expect(verify(join(dir, "changed.txt")).status).not.toBe(0);
  });
});
