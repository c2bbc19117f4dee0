import { defineMessages } from "./define";

export const regions = defineMessages({ title: "行政区划" }, { title: "Regions" });
