/**
 * The tracker's database: IndexedDB (through Dexie) in the extension's own origin, never in
 * Mosaic's. Each schema version stays here with its upgrade, so that an update of the extension
 * opens every earlier version's data intact.
 */
import Dexie, { type Table } from 'dexie';
import type { IsoDate } from '../dates';
import { closesOn } from './due';
import { DATABASE_NAME, rebuildSummary } from './summary';
import type { TrackedAgreement } from './model';

/** As stored: the agreement, and (from version 2) the day it ends or ended, for retention. */
export interface StoredAgreement extends TrackedAgreement {
  closesOn?: IsoDate | null;
}

/** Version 1: agreements by key, person and last update. */
export const SCHEMA_V1 = { agreements: '&key, personId, updatedAt' };
/** Version 2: also by the day each ends, so that retention finds old entries without reading all. */
export const SCHEMA_V2 = { agreements: '&key, personId, updatedAt, closesOn' };

/** Version 3: also the list as the popup shows it, as one record (see ./summary.ts). */
export const SCHEMA_V3 = { agreements: SCHEMA_V2.agreements, summary: '&id' };

/**
 * Version 4: the same tables; retention counts only from a review that ended monitoring (an
 * agreement past its end date without one is kept, see closesOn), so each entry's day is worked out again.
 */
export const SCHEMA_V4 = SCHEMA_V3;

/** The summary of every entry: `entries` is a JSON text of packed entries (./summary.ts). */
export interface StoredSummary {
  id: string;
  count: number;
  /** The latest `updatedAt` among the entries it was made from. */
  latest: string;
  entries: string;
}

export class TrackerDatabase extends Dexie {
  agreements!: Table<StoredAgreement, string>;
  summary!: Table<StoredSummary, string>;

  constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((transaction) =>
        transaction
          .table<StoredAgreement, string>('agreements')
          .toCollection()
          .modify((agreement) => {
            agreement.closesOn = closesOn(agreement);
          }),
      );
    this.version(3)
      .stores(SCHEMA_V3)
      // Built from the entries as they are after every earlier upgrade.
      .upgrade((transaction) =>
        rebuildSummary({ agreements: transaction.table('agreements'), summary: transaction.table('summary') }).then(() => undefined),
      );
    this.version(4)
      .stores(SCHEMA_V4)
      // Then the summaries, with the overview's facts, built from the entries as they are now.
      .upgrade(async (transaction) => {
        await transaction
          .table<StoredAgreement, string>('agreements')
          .toCollection()
          .modify((agreement) => {
            agreement.closesOn = closesOn(agreement);
          });
        await rebuildSummary({ agreements: transaction.table('agreements'), summary: transaction.table('summary') });
      });
  }
}
