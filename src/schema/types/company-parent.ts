import type { GatewayContext } from "../../context/context.ts";
import { companyById } from "../../loaders/companies.ts";
import type { Company as CompanyModel } from "../../pleo/models/company.ts";

/**
 * What a `Company` resolves from: Pleo's discovery record, or only the company's id when the request
 * holds a credential Pleo's introspection bound to that very company. The id is then proof enough for
 * the accounting fields (each still gated by company and scope), so they start at once instead of
 * waiting a round trip for a record they do not use; the record is read only if a discovery field asks.
 */
export type CompanyParent = CompanyModel | ProvenCompany;

interface ProvenCompany {
  readonly id: string;
  readonly proven: true;
}

export function provenCompany(id: string): CompanyParent {
  return { id: id.toLowerCase(), proven: true };
}

/** The company's discovery record: the one it came with, else through the request's company loader. */
export function companyRecord(company: CompanyParent, ctx: GatewayContext): Promise<CompanyModel> {
  return "proven" in company ? ctx.loaders.get(companyById).load(company.id) : Promise.resolve(company);
}
