import { listExportItems } from "../pleo/apis/export-items.ts";
import { pleoPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

/**
 * Pages of one export job's export items (GET /v3/export-items?job_id=), keyed by company, credential,
 * job and page. Readable only while the job is pending or in progress.
 */
export const exportItemPages = defineLoader("exportItemPages", pleoPageLoader(listExportItems));
