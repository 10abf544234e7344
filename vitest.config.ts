import { defineConfig } from 'vitest/config'

/**
 * Integration tests run against a real embedded SQLite database; when MONGODB_URI is set, the
 * same CMS suites run a second time against MongoDB (no server can be installed on the dev
 * machines, so there they are left out with a printed reason).
 */
const mongoUri = process.env.MONGODB_URI
if (!mongoUri) {
  console.log(
    'MongoDB suite skipped: MONGODB_URI is not set (set it to run tests/cms and tests/seed against MongoDB).',
  )
}

// Payload's info lines (migrations, start-up) would bury the test report; warnings still show.
process.env.PAYLOAD_LOG_LEVEL ||= 'warn'

const shared = {
  testTimeout: 120_000,
  // Long enough for the first test file that starts a CMS to build the admin (minutes on 2 busy cores).
  hookTimeout: 900_000,
  globalSetup: ['tests/helpers/globalSetup.ts'],
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'sqlite',
          include: ['tests/**/*.test.ts'],
          env: { TEST_DATABASE: 'sqlite' },
        },
      },
      ...(mongoUri
        ? [
            {
              test: {
                ...shared,
                name: 'mongodb',
                include: ['tests/cms/**/*.test.ts', 'tests/seed/**/*.test.ts'],
                env: { TEST_DATABASE: 'mongodb' },
              },
            },
          ]
        : []),
    ],
  },
})
