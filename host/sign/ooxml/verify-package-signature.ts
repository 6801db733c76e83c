import { createHash, verify, X509Certificate } from "node:crypto";
import { strFromU8 } from "fflate";
import {
  contentTypeLookup,
  isRelsPart,
  readRelationships,
  resolveTarget,
  SIGNATURE_FOLDER,
  signingPlan,
  type SigningPlan,
} from "./package-parts";
import { relationshipTransform } from "./relationship-transform";
import {
  ALGORITHM,
  allElements,
  canonicalize,
  childElements,
  DIGEST_BY_URI,
  NS,
  onlyChild,
  parseXmlDocument,
  SIGNATURE_DIGEST_BY_URI,
  textOf,
  XmlPartError,
} from "./signature-xml";
import { REL_TYPE } from "./write-package-signature";

export interface PackageSignatureVerdict {
  /** The package names at least one signature part. */
  present: boolean;
  valid: boolean;
  /** e.g. "C=CN, O=…, CN=木渎镇人民政府". */
  signer: string | null;
  /** The KeyInfo certificate, for the fingerprint check and `--trust`. */
  certificate: X509Certificate | null;
  signedAt: Date | null;
  /** SignatureInfoV1's SignatureComments, when the signature covers it. */
  comment: string | null;
  /** Signed parts whose bytes (or content type) differ from what was signed. */
  changed: string[];
  /** Parts, or relationships ("part#rId"), that should be signed and are not. */
  added: string[];
  /** Signed parts no longer in the package. */
  removed: string[];
  /** Why it is not valid, in Chinese; null when valid. */
  problem: string | null;
}

type Entries = Readonly<Record<string, Uint8Array>>;

const ABSENT: PackageSignatureVerdict = {
  present: false,
  valid: false,
  signer: null,
  certificate: null,
  signedAt: null,
  comment: null,
  changed: [],
  added: [],
  removed: [],
  problem: null,
};

/**
 * Verifies the package signatures of an unzipped .docx (ECMA-376 Part 2): each SignatureValue over
 * its canonical SignedInfo, every SignedInfo and Manifest reference (relationship parts through the
 * RelationshipTransform), the XAdES CertDigest against the KeyInfo certificate, and that every part
 * Office would sign is covered. The certificate's trust chain is not checked here.
 */
export function verifyPackageSignature(entries: Entries): PackageSignatureVerdict {
  const text = (name: string) => strFromU8(entries[name] ?? new Uint8Array());
  let signatureParts: string[];
  try {
    signatureParts = findSignatureParts(entries, text);
  } catch (error) {
    if (!(error instanceof XmlPartError)) throw error;
    return { ...ABSENT, present: true, problem: "签名的包关系部件已损坏，无法读取。" };
  }
  if (signatureParts.length === 0) return ABSENT;
  let plan: SigningPlan;
  try {
    plan = signingPlan(entries, text);
  } catch (error) {
    if (!(error instanceof XmlPartError)) throw error;
    return { ...ABSENT, present: true, problem: "文件的关系或内容类型部件已损坏，签名后被改动。" };
  }
  const verdicts = signatureParts.map((part) => verifyOne(entries, text, part, plan));
  const first = verdicts[0] ?? ABSENT;
  const union = (key: "changed" | "added" | "removed") => [...new Set(verdicts.flatMap((v) => v[key]))].sort();
  return {
    present: true,
    valid: verdicts.every((v) => v.valid),
    signer: first.signer,
    certificate: first.certificate,
    signedAt: first.signedAt,
    comment: first.comment,
    changed: union("changed"),
    added: union("added"),
    removed: union("removed"),
    problem: verdicts.find((v) => v.problem !== null)?.problem ?? null,
  };
}

function findSignatureParts(entries: Entries, text: (name: string) => string): string[] {
  if (entries["_rels/.rels"] === undefined) return [];
  const origins = readRelationships(text("_rels/.rels"), "_rels/.rels")
    .filter((rel) => rel.type === REL_TYPE.origin && !rel.external)
    .map((rel) => resolveTarget("", rel.target))
    .filter((name): name is string => name !== null);
  const parts: string[] = [];
  for (const origin of origins) {
    const rels = origin.replace(/([^/]*)$/, "_rels/$1.rels");
    if (entries[rels] === undefined) continue;
    for (const rel of readRelationships(text(rels), rels)) {
      const target = rel.external ? null : resolveTarget(origin, rel.target);
      if (rel.type === REL_TYPE.signature && target !== null) parts.push(target);
    }
  }
  // An origin without signatures still says "this package was signed": report it as broken.
  return origins.length > 0 && parts.length === 0 ? [`${SIGNATURE_FOLDER}sig1.xml`] : [...new Set(parts)];
}

class Invalid extends Error {}

function verifyOne(entries: Entries, text: (name: string) => string, part: string, plan: SigningPlan): PackageSignatureVerdict {
  const verdict: PackageSignatureVerdict = { ...ABSENT, present: true, changed: [], added: [], removed: [] };
  try {
    checkSignature(entries, text, part, plan, verdict);
  } catch (error) {
    // Whatever a hostile or damaged signature part makes fail is a negative verdict, not an
    // error of the command: a file changed after signing must never exit 2.
    verdict.problem = error instanceof Invalid ? error.message : "签名部件已损坏，无法解析（签名后被改动）。";
  }
  if (verdict.problem === null) verdict.problem = partsProblem(verdict);
  verdict.valid = verdict.problem === null;
  return verdict;
}

function partsProblem(v: PackageSignatureVerdict): string | null {
  const lines = [
    v.changed.length > 0 ? `签名后被改动的部件：${v.changed.join("、")}` : "",
    v.added.length > 0 ? `签名后新增、未被签名的部件：${v.added.join("、")}` : "",
    v.removed.length > 0 ? `签名后被删除的部件：${v.removed.join("、")}` : "",
  ].filter((line) => line !== "");
  return lines.length === 0 ? null : `${lines.join("；")}。`;
}

function checkSignature(
  entries: Entries,
  text: (name: string) => string,
  part: string,
  plan: SigningPlan,
  verdict: PackageSignatureVerdict,
): void {
  if (entries[part] === undefined) {
    verdict.removed.push(part);
    throw new Invalid(`签名部件 ${part} 已被删除。`);
  }
  const root = parseXmlDocument(text(part), part).documentElement;
  if (root.namespaceURI !== NS.dsig || root.localName !== "Signature") throw new Invalid(`${part} 不是 XML 数字签名。`);
  // Reference URIs must name exactly one element: two elements with one Id is how signature
  // wrapping shows a verifier one thing and a reader another.
  const byId = new Map<string, Element[]>();
  for (const el of allElements(root)) {
    if (el.hasAttribute("Id")) byId.set(el.getAttribute("Id") ?? "", [...(byId.get(el.getAttribute("Id") ?? "") ?? []), el]);
  }
  if ([...byId.values()].some((els) => els.length > 1)) throw new Invalid("签名结构异常：同一 Id 出现多次（疑似签名包装攻击）。");

  const signedInfo = onlyChild(root, NS.dsig, "SignedInfo");
  if (signedInfo === null) throw new Invalid("签名中缺少 SignedInfo。");
  if (onlyChild(signedInfo, NS.dsig, "CanonicalizationMethod")?.getAttribute("Algorithm") !== ALGORITHM.c14n) {
    throw new Invalid("签名使用了不支持的规范化方法。");
  }
  const signatureDigest = SIGNATURE_DIGEST_BY_URI[onlyChild(signedInfo, NS.dsig, "SignatureMethod")?.getAttribute("Algorithm") ?? ""];
  if (signatureDigest === undefined) throw new Invalid("签名使用了不支持的签名算法（只支持 RSA）。");
  const certificate = keyInfoCertificate(root);
  verdict.signer = certificate.subject.split("\n").join(", ");
  verdict.certificate = certificate;
  const signatureValue = Buffer.from(textOf(onlyChild(root, NS.dsig, "SignatureValue")).replace(/\s/g, ""), "base64");
  let signatureOk: boolean;
  try {
    signatureOk = verify(signatureDigest, Buffer.from(canonicalize(signedInfo), "utf8"), certificate.publicKey, signatureValue);
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) throw new Invalid("签名值无效（签名信息被改动或与证书不符）。");

  const referenced: Element[] = [];
  for (const reference of childElements(signedInfo, NS.dsig, "Reference")) {
    const uri = reference.getAttribute("URI") ?? "";
    const target = uri.startsWith("#") ? byId.get(uri.slice(1))?.[0] : undefined;
    if (target === undefined) throw new Invalid(`签名引用了不存在的对象（${uri}）。`);
    const transforms = transformsOf(reference);
    if (transforms.some((algorithm) => algorithm !== ALGORITHM.c14n)) throw new Invalid("签名对象使用了不支持的变换。");
    if (!digestMatches(reference, canonicalize(target))) throw new Invalid(`签名对象 ${uri} 在签名后被改动。`);
    referenced.push(target);
  }
  const objects = referenced.filter((el) => el.namespaceURI === NS.dsig && el.localName === "Object");
  const manifests = objects.flatMap((object) => childElements(object, NS.dsig, "Manifest"));
  if (manifests.length === 0) throw new Invalid("签名不含部件清单（Manifest），不是文档签名。");
  checkXades(referenced, certificate);
  const signedDescendants = objects.flatMap(allElements);
  const find = (ns: string, local: string) => signedDescendants.find((el) => el.namespaceURI === ns && el.localName === local) ?? null;
  const time = textOf(onlyChild(find(NS.mdssi, "SignatureTime"), NS.mdssi, "Value"));
  verdict.signedAt = Number.isNaN(Date.parse(time)) ? null : new Date(time);
  const comments = find(NS.office, "SignatureComments");
  verdict.comment = comments === null ? null : textOf(comments);
  checkManifests(entries, text, manifests, plan, verdict);
}

function keyInfoCertificate(root: Element): X509Certificate {
  const data = onlyChild(onlyChild(root, NS.dsig, "KeyInfo"), NS.dsig, "X509Data");
  const first = data === null ? undefined : childElements(data, NS.dsig, "X509Certificate")[0];
  if (first === undefined) throw new Invalid("签名中没有签名证书（KeyInfo）。");
  try {
    return new X509Certificate(Buffer.from(textOf(first).replace(/\s/g, ""), "base64"));
  } catch {
    throw new Invalid("签名中的证书已损坏，无法读取。");
  }
}

function checkXades(referenced: Element[], certificate: X509Certificate): void {
  const signedProperties = referenced.find((el) => el.namespaceURI === NS.xades && el.localName === "SignedProperties");
  if (signedProperties === undefined) throw new Invalid("签名缺少 XAdES 签名属性（SignedProperties）。");
  const cert = allElements(signedProperties).find((el) => el.namespaceURI === NS.xades && el.localName === "Cert");
  const certDigest = onlyChild(cert ?? null, NS.xades, "CertDigest");
  if (certDigest === null || !digestMatches(certDigest, certificate.raw)) {
    throw new Invalid("XAdES 中记录的签名证书与签名所附的证书不符。");
  }
  const serial = textOf(onlyChild(onlyChild(cert ?? null, NS.xades, "IssuerSerial"), NS.dsig, "X509SerialNumber")).trim();
  if (serial !== "" && (!/^\d+$/.test(serial) || BigInt(serial) !== BigInt(`0x${certificate.serialNumber}`))) {
    throw new Invalid("XAdES 中记录的证书序列号与签名证书不符。");
  }
}

function checkManifests(
  entries: Entries,
  text: (name: string) => string,
  manifests: Element[],
  plan: SigningPlan,
  verdict: PackageSignatureVerdict,
): void {
  let contentType: (part: string) => string | null;
  try {
    contentType = contentTypeLookup(text("[Content_Types].xml"));
  } catch {
    throw new Invalid("内容类型部件（[Content_Types].xml）已损坏，签名后被改动。");
  }
  const covered = new Set<string>();
  const coveredIds = new Map<string, Set<string>>();
  for (const reference of manifests.flatMap((manifest) => childElements(manifest, NS.dsig, "Reference"))) {
    const match = /^([^?]*)\?ContentType=(.*)$/.exec(reference.getAttribute("URI") ?? "");
    const name = match === null ? null : partName(match[1] ?? "");
    if (match === null || name === null) throw new Invalid("部件清单中有无法识别的引用。");
    covered.add(name);
    const data = entries[name];
    if (data === undefined) {
      verdict.removed.push(name);
      continue;
    }
    if (contentType(name) !== match[2]) {
      verdict.changed.push(name);
      continue;
    }
    const transforms = transformsOf(reference);
    let signedBytes: string | Uint8Array = data;
    if (transforms.length === 2 && transforms[0] === ALGORITHM.relationshipTransform && transforms[1] === ALGORITHM.c14n) {
      const transform = childElements(onlyChild(reference, NS.dsig, "Transforms") ?? reference, NS.dsig, "Transform")[0];
      const ids = new Set(
        childElements(transform ?? reference, NS.mdssi, "RelationshipReference").map((el) => el.getAttribute("SourceId") ?? ""),
      );
      const types = new Set(
        childElements(transform ?? reference, NS.mdssi, "RelationshipsGroupReference").map((el) => el.getAttribute("SourceType") ?? ""),
      );
      coveredIds.set(name, ids);
      try {
        signedBytes = relationshipTransform(text(name), name, ids, types);
      } catch (error) {
        if (!(error instanceof XmlPartError)) throw error;
        verdict.changed.push(name);
        continue;
      }
    } else if (transforms.length > 0) {
      throw new Invalid(`部件 ${name} 的签名使用了不支持的变换。`);
    }
    if (!digestMatches(reference, signedBytes)) verdict.changed.push(name);
  }
  // What Office would sign in the package as it is now, and is not covered.
  for (const part of plan.parts) if (!covered.has(part.name)) verdict.added.push(part.name);
  for (const rels of plan.rels) {
    for (const id of rels.sourceIds) if (coveredIds.get(rels.name)?.has(id) !== true) verdict.added.push(`${rels.name}#${id}`);
  }
  for (const missing of plan.missing) if (!covered.has(missing)) verdict.removed.push(missing);
  for (const name of Object.keys(entries)) {
    const accounted =
      covered.has(name) ||
      name === "[Content_Types].xml" ||
      name.startsWith(SIGNATURE_FOLDER) ||
      isRelsPart(name) ||
      plan.unsigned.has(name);
    if (!accounted && !verdict.added.includes(name)) verdict.added.push(name);
  }
}

function partName(uriPath: string): string | null {
  try {
    return decodeURIComponent(uriPath).replace(/^\//, "");
  } catch {
    return null;
  }
}

function transformsOf(reference: Element): string[] {
  const transforms = onlyChild(reference, NS.dsig, "Transforms");
  return transforms === null ? [] : childElements(transforms, NS.dsig, "Transform").map((el) => el.getAttribute("Algorithm") ?? "");
}

/** Whether the element's DigestMethod/DigestValue match `data`; an unknown algorithm never does. */
function digestMatches(holder: Element, data: string | Uint8Array): boolean {
  const algorithm = DIGEST_BY_URI[onlyChild(holder, NS.dsig, "DigestMethod")?.getAttribute("Algorithm") ?? ""];
  if (algorithm === undefined) return false;
  const expected = Buffer.from(textOf(onlyChild(holder, NS.dsig, "DigestValue")).replace(/\s/g, ""), "base64");
  return expected.length > 0 && expected.equals(createHash(algorithm).update(data).digest());
}
