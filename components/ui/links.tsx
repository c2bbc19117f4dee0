"use client";
// MUI components rendered as Next.js links. Server Components cannot pass `component={Link}`
// (a function) to client components, so pages use these wrappers instead.
import Link from "next/link";
import Button, { type ButtonProps } from "@mui/material/Button";
import CardActionArea, { type CardActionAreaProps } from "@mui/material/CardActionArea";
import MuiLink, { type LinkProps as MuiLinkProps } from "@mui/material/Link";

export function ButtonLink(props: ButtonProps & { href: string }) {
  return <Button component={Link} {...props} />;
}

export function CardActionLink(props: CardActionAreaProps & { href: string }) {
  return <CardActionArea component={Link} {...props} />;
}

export function TextLink(props: MuiLinkProps & { href: string }) {
  return <MuiLink component={Link} underline="hover" {...props} />;
}
