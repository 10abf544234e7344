import type { TaskConfig } from 'payload'

import { sendCatalogueReminders } from '../catalogue/reminders.ts'

/**
 * The reminder digest as a job on the default queue, scheduled every hour: each run sends only what
 * has not gone out yet today (Beijing time) and nothing before REMINDER_HOUR, so the server's own time
 * zone and restarts do not matter. `asOf` runs it as of another moment (tests, catching up).
 */
export const catalogueRemindersTask: TaskConfig<'catalogueReminders'> = {
  slug: 'catalogueReminders',
  label: '居务公开提醒邮件',
  schedule: [{ cron: '5 * * * *', queue: 'default' }],
  inputSchema: [{ name: 'asOf', type: 'date' }],
  outputSchema: [
    { name: 'sent', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  retries: 3,
  handler: async ({ input, req }) => {
    const now = input?.asOf ? Date.parse(input.asOf) : Date.now()
    const output = await sendCatalogueReminders(req.payload, now)
    // A failed send is retried by the job system; the editors already reminded are not mailed again.
    if (output.failed > 0) throw new Error(`${output.failed} reminder e-mail(s) could not be sent`)
    return { output }
  },
}
