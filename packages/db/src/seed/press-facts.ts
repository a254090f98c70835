/**
 * Figures reported in the press (data/seed-facts.json), placed on their communes by the demo
 * seed and checked by the tests. Everything else in the demo is synthetic.
 */
export const NAM_CUONG = {
  communeCode: "02026",
  population: 10_800,
  villages: 23,
  /** target rate 100%, and 1,200 activations in the first week were 20% of it */
  eligible: 6_000,
  activatedInFirstWeek: 1_200,
  campaign: { startsOn: "2025-07-21", deadline: "2025-08-19", targetRate: 1 },
} as const;

export const CUA_NAM = {
  communeCode: "00082",
  /** one community digital-transformation team per residential group */
  communityTeams: 28,
  mobileDigitalLiteracyPoints: 6,
  supportStaff: 2,
} as const;

/** Lai Châu border area (Ka Lăng border post), recorded on Xã Thu Lũm. */
export const THU_LUM = {
  communeCode: "03439",
  peopleTrained: 20_000,
  smartphonesDonated: 135 + 1_000 + 200,
  householdsVisited: 25_043,
} as const;

export const HA_NOI_45_DAYS = {
  id: "ha-noi-45-ngay-dem",
  name: "45 ngày đêm hỗ trợ chuyển đổi số",
  nameEn: "45 days and nights of digital-transformation support",
  provinceCode: "01",
  startsOn: "2025-07-24",
  /** 45 days, the first and the last included */
  deadline: "2025-09-06",
} as const;
