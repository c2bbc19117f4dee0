"use client";
// The state every form around a server action repeats: pending while the action runs, the
// action's message and field errors when it refuses, and what to do with its data when it
// succeeds. Actions answer `{ ok, data } | { ok: false, message, fieldErrors }` (lib/http/action.ts).
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action";

export interface ActionFormState {
  pending: boolean;
  message: string | null;
  fieldErrors: Record<string, string[]>;
}

const IDLE: ActionFormState = { pending: false, message: null, fieldErrors: {} };

/** Messages of a field and of its nested keys ("services.0.openedOn" under "services"), each once. */
export function fieldMessage(fieldErrors: Record<string, string[]>, field: string): string | undefined {
  const messages = Object.entries(fieldErrors)
    .filter(([k]) => k === field || k.startsWith(`${field}.`))
    .flatMap(([, v]) => v);
  return messages.length ? [...new Set(messages)].join("；") : undefined;
}

export function useActionForm() {
  const [state, setState] = useState<ActionFormState>(IDLE);

  /** Runs the action; on success calls `onSuccess` with its data and returns true. */
  async function run<T>(
    action: () => Promise<ActionResult<T>>,
    onSuccess?: (data: T) => void | Promise<void>,
  ): Promise<boolean> {
    setState({ pending: true, message: null, fieldErrors: {} });
    const res = await action();
    if (!res.ok) {
      setState({ pending: false, message: res.message, fieldErrors: res.fieldErrors });
      return false;
    }
    setState(IDLE);
    await onSuccess?.(res.data);
    return true;
  }

  /** A form's onSubmit that runs the action. */
  function onSubmit<T>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void | Promise<void>) {
    return (e: FormEvent) => {
      e.preventDefault();
      void run(action, onSuccess);
    };
  }

  return {
    ...state,
    run,
    onSubmit,
    /** The message under a field, if the action named it. */
    error: (field: string) => fieldMessage(state.fieldErrors, field),
    reset: () => setState(IDLE),
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;
