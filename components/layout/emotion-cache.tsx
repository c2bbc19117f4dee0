"use client";
// MUI's App Router cache provider (@mui/material-nextjs AppRouterCacheProvider), plus one thing:
// rules already frozen into the process's cached stylesheet (/assets/mui/<hash>.css, see
// lib/styles/registry.ts) are not inlined again in every page. The page links the sheet and lists the
// names it uses in an empty <style data-emotion> tag, so the browser's Emotion cache knows they
// are present and does not insert them again. Rules the sheet does not have yet are inlined as
// before. Globals (CssBaseline) stay inline: Emotion's Global component hydrates from its own tag.
import { useState, type ReactNode } from "react";
import createCache, { type Options } from "@emotion/cache";
import { CacheProvider } from "@emotion/react";
import { useServerInsertedHTML } from "next/navigation";
import { noteRule, styleRegistry } from "@/lib/styles/registry";

interface Pending {
  name: string;
  isGlobal: boolean;
}

export function EmotionCacheProvider({ options, children }: { options: Options; children: ReactNode }) {
  const [state] = useState(() => {
    const cache = createCache(options);
    cache.compat = true;
    const prevInsert = cache.insert;
    let pending: Pending[] = [];
    const isServer = typeof window === "undefined";
    cache.insert = (...args) => {
      const [selector, serialized] = args;
      const fresh = cache.inserted[serialized.name] === undefined;
      const result = prevInsert(...args);
      if (fresh) {
        pending.push({ name: serialized.name, isGlobal: !selector });
        const css = cache.inserted[serialized.name];
        if (isServer && selector && typeof css === "string") noteRule(serialized.name, css);
      }
      return result;
    };
    const take = () => {
      const taken = pending;
      pending = [];
      return taken;
    };
    // The sheet is linked once per page, by the first flush that uses it.
    let linked = false;
    const linkOnce = () => {
      if (linked) return false;
      linked = true;
      return true;
    };
    return { cache, take, linkOnce };
  });

  useServerInsertedHTML(() => {
    const taken = state.take();
    if (!taken.length) return null;
    const sheet = styleRegistry().current;
    const key = state.cache.key;
    let inline = "";
    let inlineNames = key;
    let sheetNames = key;
    const globals: { name: string; css: string }[] = [];
    for (const { name, isGlobal } of taken) {
      const css = state.cache.inserted[name];
      if (typeof css !== "string") continue;
      if (isGlobal) globals.push({ name, css });
      else if (sheet?.names.has(name)) sheetNames += ` ${name}`;
      else {
        inline += css;
        inlineNames += ` ${name}`;
      }
    }
    const link = sheet && sheetNames !== key && state.linkOnce();
    // The page's Content-Security-Policy admits only <style> tags carrying its nonce.
    const nonce = state.cache.nonce;
    return (
      <>
        {link && <link rel="stylesheet" href={`/assets/mui/${sheet.hash}.css`} />}
        {globals.map((g) => (
          <style
            key={g.name}
            nonce={nonce}
            data-emotion={`${key}-global ${g.name}`}
            dangerouslySetInnerHTML={{ __html: g.css }}
          />
        ))}
        {sheetNames !== key && <style nonce={nonce} data-emotion={sheetNames} />}
        {inline && <style nonce={nonce} data-emotion={inlineNames} dangerouslySetInnerHTML={{ __html: inline }} />}
      </>
    );
  });

  return <CacheProvider value={state.cache}>{children}</CacheProvider>;
}
