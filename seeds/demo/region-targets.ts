// Demo targets of the current year (loaded with the demo data, the year filled in at load): would-be
// founders per prefecture and for the region, sized to the demo founders so that the coverage dashboard
// shows areas above and below the 50 % line. 阿里地区 (542500) deliberately has none: "no target".
export type SeedRegionTarget = { regionCode: string; potentialFounders: number; centers?: number };

export const regionTargets: SeedRegionTarget[] = [
  { regionCode: '540000', potentialFounders: 70, centers: 81 },
  { regionCode: '540100', potentialFounders: 20, centers: 8 },
  { regionCode: '540200', potentialFounders: 16, centers: 18 },
  { regionCode: '540300', potentialFounders: 6, centers: 11 },
  { regionCode: '540400', potentialFounders: 10, centers: 7 },
  { regionCode: '540500', potentialFounders: 8, centers: 12 },
  { regionCode: '540600', potentialFounders: 5, centers: 11 },
];
