/** The first block of an order id: enough to tell orders apart on a screen. */
export const shortId = (id: string) => id.slice(0, 8);
