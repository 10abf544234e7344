/**
 * Every open-data file the site publishes and the schema each follows: the endpoints write them
 * (files.ts), the 开放数据 page explains them, and the tests validate each against its schema.
 */
import { openData as t } from '../i18n/zh.ts'
import type { Schema } from './schema.ts'
import {
  brandProjectsSchema,
  casesCsvColumns,
  casesSchema,
  communitiesCsvColumns,
  communitiesSchema,
  communityCsvColumns,
  communityDataSchema,
  csvRowSchema,
} from './schemas.ts'

export type OpenDataSchema = { name: string; title: string; schema: Schema; csv: boolean }

/** Every schema, by the name in its URL (/kaifang-shuju/schema/<name>.schema.json). */
export const SCHEMAS: OpenDataSchema[] = [
  { name: 'community-data', title: t.files.communityData, schema: communityDataSchema, csv: false },
  {
    name: 'community-data-csv',
    title: t.files.communityCsv,
    schema: csvRowSchema(t.files.communityCsv, communityCsvColumns),
    csv: true,
  },
  { name: 'cases', title: t.files.cases, schema: casesSchema, csv: false },
  {
    name: 'cases-csv',
    title: t.files.casesCsv,
    schema: csvRowSchema(t.files.casesCsv, casesCsvColumns),
    csv: true,
  },
  { name: 'brand-projects', title: t.files.brandProjects, schema: brandProjectsSchema, csv: false },
  { name: 'communities', title: t.files.communities, schema: communitiesSchema, csv: false },
  {
    name: 'communities-csv',
    title: t.files.communitiesCsv,
    schema: csvRowSchema(t.files.communitiesCsv, communitiesCsvColumns),
    csv: true,
  },
]

export const schemaOf = (name: string) => SCHEMAS.find((s) => s.name === name)!

/** The city-wide files: file name → the schema it follows. */
export const CITY_FILES: { file: string; schema: string }[] = [
  { file: 'cases.json', schema: 'cases' },
  { file: 'cases.csv', schema: 'cases-csv' },
  { file: 'brand-projects.json', schema: 'brand-projects' },
  { file: 'communities.json', schema: 'communities' },
  { file: 'communities.csv', schema: 'communities-csv' },
]
