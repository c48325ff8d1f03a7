import { z } from 'zod';

/**
 * Inputs of the server actions. Every action is a public POST endpoint, so nothing from the
 * browser is trusted: refs are plain strings the planner resolves exactly as the engine would
 * (a malformed one becomes the engine's own 400 in the plan), ids must be full container IDs.
 */
const ref = z.string().max(1024, 'A reference is at most 1,024 characters');

export const refsSchema = z.array(ref).min(1, 'Select an image or type a reference first').max(10_000);

export const flagsSchema = z.object({ force: z.boolean(), noPrune: z.boolean() });

const recordSchema = z.union([z.object({ Untagged: z.string() }).strict(), z.object({ Deleted: z.string() }).strict()]);

export const stepSchema = z.object({
  ref,
  records: z.array(recordSchema),
  error: z.object({ status: z.number().int(), message: z.string(), alternatives: z.array(z.string()).optional() }).nullable(),
  imageId: z.string().optional(),
});

export const previewInput = z.object({ refs: refsSchema, flags: flagsSchema });

export const removeInput = z.object({
  refs: refsSchema,
  flags: flagsSchema,
  /** The steps the user saw in the confirmation dialog, one per ref. */
  reviewed: z.array(stepSchema),
}).refine((v) => v.reviewed.length === v.refs.length && v.reviewed.every((s, i) => s.ref === v.refs[i]), {
  message: 'The reviewed plan does not match the references',
});

export const containersInput = z.object({
  ids: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'Not a container ID')).min(1).max(1000),
});

export const filterInput = z.object({ text: z.string().max(4000), all: z.boolean() });

/** The first problem zod found, as one sentence. */
export function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? i.message : 'Invalid input';
}

/** A view's id as createView makes it (base64url); anything else cannot name a view. */
export const viewId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a view id');

export const saveViewInput = z
  .object({
    name: z.string().trim().min(1, 'Give the view a name').max(100, 'A name is at most 100 characters'),
    description: z.string().trim().max(2000, 'A description is at most 2,000 characters'),
    filter: z.string().trim().max(4000),
    all: z.boolean(),
    refs: z.array(ref).max(10_000),
    flags: flagsSchema,
  })
  .refine((v) => v.filter !== '' || v.refs.length > 0, { message: 'Apply a filter or select images first' });
