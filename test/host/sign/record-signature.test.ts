import { describe, expect, it } from "vitest";
import { Report } from "../../../core/model/report";
import { assertChangeAllowed } from "../../../core/workflow/assert-editable";
import { approvalStatus } from "../../../core/workflow/approval-status";
import { recordSignature } from "../../../core/workflow/record-signature";
import type { SignatureRecord } from "../../../core/model/signature-record";
import { approvedReport } from "./support/signed-fixtures";

function recordFor(report: Report, patch: Partial<SignatureRecord> = {}): SignatureRecord {
  const status = approvalStatus(report);
  return {
    revision: status.revision,
    contentHash: status.approvedHash ?? "",
    signer: "李秘书",
    signedAt: "2025-01-21T10:00:00.000+08:00",
    certificate: { subject: "CN=木渎镇人民政府", issuer: "CN=木渎镇人民政府", serial: "01", fingerprint: "a".repeat(64) },
    ...patch,
  };
}

describe("recordSignature", () => {
  it("records the certificate of the current approved revision; the record may be added but never changed or removed", async () => {
    const report = await approvedReport();
    const signed = recordSignature(report, recordFor(report));
    expect(signed.signatures).toHaveLength(1);
    expect(() => assertChangeAllowed(report, signed)).not.toThrow();
    expect(() => assertChangeAllowed(signed, report)).toThrow(/history/);
    const forged = {
      ...signed,
      signatures: [recordFor(report, { certificate: { ...recordFor(report).certificate, fingerprint: "b".repeat(64) } })],
    };
    expect(() => assertChangeAllowed(signed, forged)).toThrow(/history/);
  });

  it("refuses a record for other content or another revision", async () => {
    const report = await approvedReport();
    expect(() => recordSignature(report, recordFor(report, { contentHash: "0".repeat(64) }))).toThrow(/not recorded in the report/);
    expect(() => recordSignature(report, recordFor(report, { revision: 2 }))).toThrow(/not recorded in the report/);
  });

  it("reads report files written before signatures were recorded", async () => {
    const { signatures: _dropped, ...older } = await approvedReport();
    expect(Report.parse(JSON.parse(JSON.stringify(older))).signatures).toEqual([]);
  });
});
