import type forge from "node-forge";

/** The sub-elements of a constructed ASN.1 node; empty for a primitive or missing one. */
export function asn1Children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  return node !== undefined && Array.isArray(node.value) ? node.value : [];
}

export function asn1Bytes(node: forge.asn1.Asn1 | undefined): string | null {
  return node !== undefined && typeof node.value === "string" ? node.value : null;
}
