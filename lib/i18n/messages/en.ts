import { common, errors, validation } from "./common";
import { nav, roles, home } from "./shell";
import { auth } from "./auth";
import { admin } from "./admin";
import { bureaus } from "./bureaus";
import { regions } from "./regions";
import { regionGroups } from "./region-groups";
import { profile } from "./profile";
import { agreements } from "./agreements";
import { facilities } from "./facilities";
import { rosterUi } from "./roster-ui";
import { complaints } from "./complaints";
import { statistics } from "./statistics";
import { ui } from "./ui";
import { workbench } from "./workbench";
import type { Shape } from "./define";
import type { zhCN } from "./zh-CN";

export const en: Shape<typeof zhCN> = {
  common: common.en,
  errors: errors.en,
  validation: validation.en,
  nav: nav.en,
  roles: roles.en,
  home: home.en,
  auth: auth.en,
  admin: { ...admin.en, bureaus: bureaus.en },
  regions: regions.en,
  regionGroups: regionGroups.en,
  profile: profile.en,
  agreements: agreements.en,
  facilities: facilities.en,
  rosterUi: rosterUi.en,
  complaints: complaints.en,
  statistics: statistics.en,
  ui: ui.en,
  workbench: workbench.en,
};
