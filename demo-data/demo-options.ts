import type { IsoDate } from '@domain/time';

export type DemoSize = 'small' | 'medium' | 'large';

/** How many records of each main collection a demo workspace holds. */
export interface DemoCounts {
  companies: number;
  contacts: number;
  leads: number;
  deals: number;
  activities: number;
}

export const DEMO_SIZES: Readonly<Record<DemoSize, DemoCounts>> = {
  small: { companies: 40, contacts: 150, leads: 60, deals: 45, activities: 300 },
  /** A busy team's workspace (~26,600 records): loads in seconds, for tests on a realistic device. */
  medium: { companies: 1_000, contacts: 6_000, leads: 3_000, deals: 2_000, activities: 8_000 },
  large: { companies: 20_000, contacts: 100_000, leads: 30_000, deals: 20_000, activities: 200_000 },
};

export const DEMO_USER_SLOTS = ['manager', 'supervisor', 'aeNorth', 'aeLatam', 'sdrNorth', 'sdrLatam'] as const;
export type DemoUserSlot = (typeof DEMO_USER_SLOTS)[number];

export const DEFAULT_DEMO_SEED = 20_260_302;

export interface DemoDataOptions {
  size: DemoSize;
  /** The day the demo is "as of" (YYYY-MM-DD, UTC). Every record is created before it starts. */
  today: IsoDate;
  seed?: number;
  /**
   * The signed-in user, who takes the Sales Manager's place: their records are owned by this id,
   * their team is the North America team, and no profile is generated for them (they have one).
   */
  currentUser?: { id: string; teamId: string; name?: string };
  /** Fixed ids for the generated profiles (e.g. accounts that already exist on a server). */
  userIds?: Partial<Record<DemoUserSlot, string>>;
  /** Records of some main collections in place of the size's: a workspace between two sizes. */
  counts?: Partial<DemoCounts>;
}
