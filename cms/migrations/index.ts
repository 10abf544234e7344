import * as migration_20261122_030819 from './20261122_030819.js';

export const migrations = [
  {
    up: migration_20261122_030819.up,
    down: migration_20261122_030819.down,
    name: '20261122_030819'
  },
];
