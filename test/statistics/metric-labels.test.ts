// Every metric the snapshot job stores has a name for people in zh, en and bo (the trends page and the
// series report show it), never its code.
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../models/enums.ts';
import { METRICS } from '../../src/statistics/metrics.ts';
import { metricInfo } from '../../src/statistics/series.ts';

describe('metric labels', () => {
  it.each(METRICS.map((m) => m.name))('%s is named in zh, en and bo', (name) => {
    const info = metricInfo(METRICS.find((m) => m.name === name)!);
    for (const lang of LANGS) {
      expect(info.labels[lang], lang).toBeTruthy();
      expect(info.labels[lang], lang).not.toBe(name);
    }
  });
});
