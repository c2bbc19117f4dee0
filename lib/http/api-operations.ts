// Every operation of /api/v1, once: "method path" → its stable operation id. The OpenAPI
// document takes the ids from here (lib/http/openapi.ts), the production server the methods each
// path takes (lib/http/api-methods.ts); lib/http/openapi-document.test.ts keeps it equal to the
// document. Pure: the server loads it outside the Next.js bundle.
/**
 * Stable operation ids (verbNoun) by "method path": the names generated clients give their
 * methods. A new operation without one fails the document test.
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  "get /me": "getMe",
  "get /users": "listUsers",
  "post /users": "createUser",
  "get /users/{id}": "getUser",
  "patch /users/{id}": "updateUser",
  "delete /users/{id}": "disableUser",
  "get /regions": "listRegions",
  "get /regions/{code}": "getRegion",
  "get /institutions": "listInstitutions",
  "post /institutions": "createInstitution",
  "get /institutions/{code}": "getInstitution",
  "patch /institutions/{code}": "updateInstitution",
  "post /institutions/{code}": "runInstitutionCommand",
  "get /institutions/{code}/services": "listInstitutionServices",
  "get /institutions/{code}/history": "listInstitutionHistory",
  "post /institutions/import": "importInstitutions",
  "get /institutions/export": "exportInstitutions",
  "get /institutions/coverage": "getInstitutionCoverage",
  "get /institutions/change-requests": "listChangeRequests",
  "get /institutions/change-requests/{id}": "getChangeRequest",
  "post /institutions/change-requests/{id}": "decideChangeRequest",
  "get /agreements": "listAgreements",
  "post /agreements": "createAgreement",
  "get /agreements/{id}": "getAgreement",
  "patch /agreements/{id}": "updateAgreement",
  "post /agreements/{id}/transitions": "transitionAgreement",
  "get /eligibility": "checkEligibility",
  "post /settlements/import": "importSettlements",
  "get /statistics/summary": "getStatisticsSummary",
  "get /statistics/series": "getStatisticsSeries",
  "get /statistics/flows": "getStatisticsFlows",
  "get /complaints": "listComplaints",
  "post /complaints": "createComplaint",
  "get /complaints/{number}": "getComplaint",
  "post /complaints/{number}/transitions": "transitionComplaint",
  "post /complaints/{number}/comments": "addComplaintComment",
  "get /complaints/export": "exportComplaints",
  "get /complaints/reports": "getComplaintReports",
  "get /complaints/daily-report": "getComplaintDailyReport",
  "get /downtimes": "listDowntimes",
  "post /downtimes": "createDowntime",
};
