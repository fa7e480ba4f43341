import { z } from 'zod';

/** How a dataset edition is cited: every figure the API returns names the ones it comes from. */
export const Citation = z
  .object({
    dataset: z.string().describe('Dataset id: one publisher edition, e.g. undesa-ims-2024'),
    family: z.string().describe('Editions of one publication share a family, e.g. undesa-ims'),
    title: z.string(),
    publisher: z.string(),
    edition: z.string(),
    releaseDate: z.string().nullable().describe('ISO date, null where the publisher gives none'),
    licence: z.string(),
    sourceUrl: z.string().nullable(),
    citation: z.string().describe('The citation the publisher asks for'),
    caveats: z
      .string()
      .nullable()
      .describe('What to know before using the figures: known gaps, breaks, how editions differ (English)'),
  })
  .meta({ id: 'Citation' });
export type Citation = z.infer<typeof Citation>;
