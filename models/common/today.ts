// The contract's calendar: every date rule compares days in Asia/Shanghai (the region's official time),
// so a form filled in at 07:30 in Lhasa (23:30 UTC the day before) may say "today".
const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export const todayInShanghai = (now = new Date()) => shanghaiDate.format(now);
