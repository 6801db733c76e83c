import { strFromU8, strToU8, unzipSync, type Unzipped } from "fflate";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { checkZipBudget } from "../import/bounded-zip";
import { InputBudget } from "../import/input-budget";
import { parseXml } from "../import/parse-xml";

const CUSTOM_PART = "docProps/custom.xml";
const CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
// The format id every OOXML custom property carries (ECMA-376 Part 1, §22.3.2.2).
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

interface CustomProperty {
  name: string;
  /** The vt: element's local name (lpwstr, i4, bool, filetime, …), kept for foreign properties. */
  type: string;
  value: string;
}

/** Unzips a .docx, refusing anything that is not a Word package, or a zip bomb (every part is kept: the package is zipped again). */
export function openDocx(bytes: Uint8Array): Unzipped {
  let entries: Unzipped;
  try {
    checkZipBudget(bytes, new InputBudget("Word 文档"));
    entries = unzipSync(bytes);
  } catch (error) {
    if (error instanceof NianbaoError && error.code === "file_too_large") throw error;
    throw new NianbaoError("unsupported_format", "这不是 .docx 文件（无法解压）。", "not a .docx file (not a zip package)", {
      cause: error,
    });
  }
  if (entries["[Content_Types].xml"] === undefined || entries["word/document.xml"] === undefined) {
    throw new NianbaoError(
      "unsupported_format",
      "这不是 Word .docx 文件（缺少 word/document.xml）。",
      "not a Word .docx package (no word/document.xml)",
    );
  }
  return entries;
}

/** The package's custom document properties (文件属性 → 自定义), as text. */
export function readCustomProperties(entries: Unzipped): Map<string, string> {
  const part = entries[CUSTOM_PART];
  return new Map(part === undefined ? [] : parseCustomXml(strFromU8(part)).map((p) => [p.name, p.value]));
}

/**
 * Returns the package's entries with `values` set as text custom properties, keeping the others.
 * The package is edited part by part (fflate) so Word's own parts are copied byte for byte.
 */
export function withCustomPropertyEntries(entries: Unzipped, values: Record<string, string>): Unzipped {
  const part = entries[CUSTOM_PART];
  const kept = (part === undefined ? [] : parseCustomXml(strFromU8(part))).filter((p) => !(p.name in values));
  const properties = [...kept, ...Object.entries(values).map(([name, value]) => ({ name, type: "lpwstr", value }))];
  const out: Unzipped = { ...entries, [CUSTOM_PART]: strToU8(customXml(properties)) };
  out["[Content_Types].xml"] = strToU8(ensureContentType(strFromU8(entries["[Content_Types].xml"] ?? new Uint8Array())));
  out["_rels/.rels"] = strToU8(ensureRelationship(strFromU8(entries["_rels/.rels"] ?? strToU8(EMPTY_RELS))));
  return out;
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function parseCustomXml(xml: string): CustomProperty[] {
  const properties: CustomProperty[] = [];
  let current: CustomProperty | null = null;
  let inValue = false;
  parseXml(
    xml,
    CUSTOM_PART,
    {
      open: (name, attributes) => {
        const local = name.replace(/^.*:/, "");
        if (local === "property") {
          current = { name: attributes["name"] ?? "", type: "lpwstr", value: "" };
        } else if (current !== null) {
          current.type = local;
          inValue = true;
        }
      },
      text: (text) => {
        if (current !== null && inValue) current.value += text;
      },
      close: (name) => {
        if (name.replace(/^.*:/, "") === "property" && current !== null) {
          if (current.name !== "") properties.push(current);
          current = null;
        }
        inValue = false;
      },
    },
    new InputBudget(CUSTOM_PART),
  );
  return properties;
}

function customXml(properties: CustomProperty[]): string {
  const items = properties.map(
    (p, i) =>
      `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(p.name)}"><vt:${p.type}>${escapeXml(p.value)}</vt:${p.type}></property>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `${items.join("")}</Properties>`
  );
}

function ensureContentType(xml: string): string {
  if (xml.includes('PartName="/docProps/custom.xml"')) return xml;
  return xml.replace("</Types>", `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_CONTENT_TYPE}"/></Types>`);
}

function ensureRelationship(xml: string): string {
  if (xml.includes(CUSTOM_REL_TYPE)) return xml;
  return xml.replace(
    "</Relationships>",
    `<Relationship Id="rIdNianbaoCustomProps" Type="${CUSTOM_REL_TYPE}" Target="docProps/custom.xml"/></Relationships>`,
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
