import type { TaskConfig } from 'payload'

import { sendCatalogueReminders } from '../catalogue/reminders.ts'

/**
 * The reminder digest as a job on the default queue, scheduled every hour: each run sends only what
 * has not gone out yet today (Beijing time) and nothing before REMINDER_HOUR, so the server's own time
 * zone, restarts and a mail server that was down for a while do not matter. `asOf` runs it as of another moment (tests, catching up).
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
  // No retries: a digest that could not be sent is not recorded, so the next hourly run sends it.
  retries: 0,
  handler: async ({ input, req }) => {
    const now = input?.asOf ? Date.parse(input.asOf) : Date.now()
    return { output: await sendCatalogueReminders(req.payload, now) }
  },
}
