import type { InputBudget } from "./input-budget";
import { parseXml } from "./parse-xml";

/** Run properties as far as recognition needs them; undefined means "inherit". */
export interface RunProps {
  eastAsia?: string;
  ascii?: string;
  size?: number;
  bold?: boolean;
  vanish?: boolean;
}

export interface ParagraphProps {
  jc?: string;
  outlineLvl?: number;
  numId?: string;
  ilvl?: number;
}

interface StyleDef {
  type: string;
  name: string | null;
  basedOn: string | null;
  rPr: RunProps;
  pPr: ParagraphProps;
}

export interface StyleSheet {
  defaults: { rPr: RunProps; pPr: ParagraphProps };
  defaultParagraphStyle: string | null;
  /** Resolved (basedOn chain applied) run and paragraph properties of a style id. */
  resolve: (styleId: string | null) => { rPr: RunProps; pPr: ParagraphProps; name: string | null };
}

/** Reads an OOXML on/off value: <w:b/> and <w:b w:val="1"/> are on, w:val="0"/"false"/"off" off. */
export function onOff(attributes: Readonly<Record<string, string>>): boolean {
  const v = attributes["w:val"];
  return v === undefined || !["0", "false", "off", "none"].includes(v);
}

/** Applies one rPr child element to run properties. */
export function applyRunProp(target: RunProps, name: string, a: Readonly<Record<string, string>>): void {
  if (name === "w:rFonts") {
    const eastAsia = a["w:eastAsia"];
    const ascii = a["w:ascii"] ?? a["w:hAnsi"];
    if (eastAsia !== undefined) target.eastAsia = eastAsia;
    if (ascii !== undefined) target.ascii = ascii;
  } else if (name === "w:sz") {
    const half = Number(a["w:val"]);
    if (Number.isFinite(half) && half > 0) target.size = half / 2;
  } else if (name === "w:b") target.bold = onOff(a);
  else if (name === "w:vanish") target.vanish = onOff(a);
}

export function applyParagraphProp(target: ParagraphProps, name: string, a: Readonly<Record<string, string>>): void {
  if (name === "w:jc" && a["w:val"] !== undefined) target.jc = a["w:val"];
  else if (name === "w:outlineLvl") {
    const level = Number(a["w:val"]);
    if (Number.isInteger(level)) target.outlineLvl = level;
  } else if (name === "w:numId" && a["w:val"] !== undefined) target.numId = a["w:val"];
  else if (name === "w:ilvl") {
    const level = Number(a["w:val"]);
    if (Number.isInteger(level)) target.ilvl = level;
  }
}

/** docDefaults and styles from word/styles.xml; an absent styles part gives empty defaults. */
export function readStyles(xml: string | null, budget: InputBudget): StyleSheet {
  const defaults = { rPr: {} as RunProps, pPr: {} as ParagraphProps };
  const styles = new Map<string, StyleDef>();
  let defaultParagraphStyle: string | null = null;
  if (xml !== null) {
    const st: { current: StyleDef | null; inDefaultsR: boolean; inDefaultsP: boolean; inRPr: boolean; inPPr: boolean } = {
      current: null,
      inDefaultsR: false,
      inDefaultsP: false,
      inRPr: false,
      inPPr: false,
    };
    parseXml(
      xml,
      "word/styles.xml",
      {
        open: (name, a) => {
          const current = st.current;
          if (name === "w:rPrDefault") st.inDefaultsR = true;
          else if (name === "w:pPrDefault") st.inDefaultsP = true;
          else if (name === "w:style") {
            const id = a["w:styleId"] ?? "";
            const style: StyleDef = { type: a["w:type"] ?? "paragraph", name: null, basedOn: null, rPr: {}, pPr: {} };
            st.current = style;
            styles.set(id, style);
            if (style.type === "paragraph" && a["w:default"] !== undefined && onOff({ "w:val": a["w:default"] }))
              defaultParagraphStyle = id;
          } else if (name === "w:rPr") st.inRPr = true;
          else if (name === "w:pPr") st.inPPr = true;
          else if (current !== null && name === "w:name") current.name = a["w:val"] ?? null;
          else if (current !== null && name === "w:basedOn") current.basedOn = a["w:val"] ?? null;
          else if (st.inRPr) applyRunProp(current?.rPr ?? (st.inDefaultsR ? defaults.rPr : {}), name, a);
          else if (st.inPPr) applyParagraphProp(current?.pPr ?? (st.inDefaultsP ? defaults.pPr : {}), name, a);
        },
        close: (name) => {
          if (name === "w:rPrDefault") st.inDefaultsR = false;
          else if (name === "w:pPrDefault") st.inDefaultsP = false;
          else if (name === "w:style") st.current = null;
          else if (name === "w:rPr") st.inRPr = false;
          else if (name === "w:pPr") st.inPPr = false;
        },
        text: () => undefined,
      },
      budget,
    );
  }
  const cache = new Map<string, { rPr: RunProps; pPr: ParagraphProps; name: string | null }>();
  const resolve = (styleId: string | null, seen: Set<string> = new Set()): { rPr: RunProps; pPr: ParagraphProps; name: string | null } => {
    if (styleId === null) return { rPr: {}, pPr: {}, name: null };
    const cached = cache.get(styleId);
    if (cached) return cached;
    const style = styles.get(styleId);
    if (!style || seen.has(styleId)) return { rPr: {}, pPr: {}, name: null };
    seen.add(styleId);
    const base = resolve(style.basedOn, seen);
    const resolved = { rPr: { ...base.rPr, ...style.rPr }, pPr: { ...base.pPr, ...style.pPr }, name: style.name };
    cache.set(styleId, resolved);
    return resolved;
  };
  return { defaults, defaultParagraphStyle, resolve: (id) => resolve(id) };
}
