/**
 * How far a save's `updatedAt` (set when the save starts) may lie behind the moment it commits:
 * a save waits at most 30 s for its turn at the database (cms/database/adapter.ts), doubled for
 * slack. Whoever asks "what changed since" looks back this far, so a late commit is never missed.
 * Tests that save one thing at a time set it to 0: a build then reads only what each change
 * touched, as it does in use a minute after the last save, instead of everything of the minute.
 */
export const LATE_COMMIT_MS = Number(process.env.LATE_COMMIT_MS ?? 60_000)
