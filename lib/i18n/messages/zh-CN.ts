// zh-CN catalogue: the source of truth for keys. Each namespace file holds zh-CN and en side by side.
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

export const zhCN = {
  common: common.zh,
  errors: errors.zh,
  validation: validation.zh,
  nav: nav.zh,
  roles: roles.zh,
  home: home.zh,
  auth: auth.zh,
  admin: { ...admin.zh, bureaus: bureaus.zh },
  regions: regions.zh,
  regionGroups: regionGroups.zh,
  profile: profile.zh,
  agreements: agreements.zh,
  facilities: facilities.zh,
  rosterUi: rosterUi.zh,
  complaints: complaints.zh,
  statistics: statistics.zh,
  ui: ui.zh,
  workbench: workbench.zh,
};
