import * as migration_20261122_030819 from './20261122_030819.js';
import * as migration_20261122_033047 from './20261122_033047.js';
import * as migration_20261201_095600_stateless_logins from './20261201_095600_stateless_logins.js';
import * as migration_20261201_113220_object_storage_fields from './20261201_113220_object_storage_fields.js';
import * as migration_20261201_134541_site_removals_and_build_jobs from './20261201_134541_site_removals_and_build_jobs.js';
import * as migration_20261201_135953_catalogue from './20261201_135953_catalogue.js';
import * as migration_20261201_143700_service_area_phone_sources from './20261201_143700_service_area_phone_sources.js';
import * as migration_20261201_143754_media_public_use from './20261201_143754_media_public_use.js';
import * as migration_20261201_165054_brand_project_partners from './20261201_165054_brand_project_partners.js';

export const migrations = [
  {
    up: migration_20261122_030819.up,
    down: migration_20261122_030819.down,
    name: '20261122_030819',
  },
  {
    up: migration_20261122_033047.up,
    down: migration_20261122_033047.down,
    name: '20261122_033047',
  },
  {
    up: migration_20261201_095600_stateless_logins.up,
    down: migration_20261201_095600_stateless_logins.down,
    name: '20261201_095600_stateless_logins',
  },
  {
    up: migration_20261201_113220_object_storage_fields.up,
    down: migration_20261201_113220_object_storage_fields.down,
    name: '20261201_113220_object_storage_fields',
  },
  {
    up: migration_20261201_134541_site_removals_and_build_jobs.up,
    down: migration_20261201_134541_site_removals_and_build_jobs.down,
    name: '20261201_134541_site_removals_and_build_jobs',
  },
  {
    up: migration_20261201_135953_catalogue.up,
    down: migration_20261201_135953_catalogue.down,
    name: '20261201_135953_catalogue',
  },
  {
    up: migration_20261201_143700_service_area_phone_sources.up,
    down: migration_20261201_143700_service_area_phone_sources.down,
    name: '20261201_143700_service_area_phone_sources',
  },
  {
    up: migration_20261201_143754_media_public_use.up,
    down: migration_20261201_143754_media_public_use.down,
    name: '20261201_143754_media_public_use',
  },
  {
    up: migration_20261201_165054_brand_project_partners.up,
    down: migration_20261201_165054_brand_project_partners.down,
    name: '20261201_165054_brand_project_partners'
  },
];
