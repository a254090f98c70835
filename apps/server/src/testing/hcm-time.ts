/** The current minute in Viet Nam as HH:MM: a daily subscription at this time is due now. */
export const hcmTimeNow = () =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date());
