import { reportApi, type ReportApi } from "../../core/api/contract";
import { createClient, type Transport } from "../../core/rpc/client";

export type { ReportApi };

export function createApi(transport: Transport): ReportApi {
  return createClient(reportApi, transport);
}
