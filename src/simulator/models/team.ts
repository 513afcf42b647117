/**
 * A team of a company. Pleo exposes no teams API to integrations, but accounting entries carry `teamId` and
 * export items a `team {id, name, code}`, so the simulator keeps them alongside the other master data.
 */
export interface TeamModel {
  id: string;
  companyId: string;
  name: string;
  code: string;
}
