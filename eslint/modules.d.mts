export const MODULES: Record<string, { public: "*" | string[]; uses: string[] }>;
export function moduleOf(rel: string): string | null;
export function isPublic(rel: string): boolean;
