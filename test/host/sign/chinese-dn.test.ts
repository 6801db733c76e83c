import { readFileSync } from "node:fs";
import forge from "node-forge";
import { beforeAll, describe, expect, it } from "vitest";
import { createDetachedCms } from "../../../host/sign/create-detached-cms";
import { loadSigningIdentity, type SigningIdentity } from "../../../host/sign/signing-identity";
import { verifyDetachedCms } from "../../../host/sign/verify-detached-cms";
import { makeTestCertificates, TEST_PASSWORD } from "./support/test-certificates";

let identity: SigningIdentity;
beforeAll(() => {
  identity = loadSigningIdentity(readFileSync(makeTestCertificates().valid), TEST_PASSWORD, new Date());
});

describe("certificates with Chinese names", () => {
  it("a plain node-forge signature names the wrong issuer; ours names the certificate", () => {
    const content = Buffer.from("2024年度法治政府建设工作报告");
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString("binary"));
    p7.addCertificate(identity.certificate);
    p7.addSigner({
      key: identity.key,
      certificate: identity.certificate,
      digestAlgorithm: forge.pki.oids["sha256"] ?? "",
      authenticatedAttributes: [],
    });
    p7.sign({ detached: true });
    const naive = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
    expect(verifyDetachedCms(naive, content)).toMatchObject({ signatureValid: false, signer: null });

    const fixed = verifyDetachedCms(createDetachedCms(content, identity, new Date("2025-01-20T01:30:00Z")), content);
    expect(fixed).toMatchObject({ signatureValid: true, digestMatches: true, signer: "C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府" });
    expect(fixed.signedAt?.toISOString()).toBe("2025-01-20T01:30:00.000Z");
  });
});
