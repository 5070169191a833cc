const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** £1,234.50 from pence. */
export const formatPence = (pence: number) => gbp.format(pence / 100);

/** 1.5 from 150 hundredths. */
export const fromHundredths = (hundredths: number) => hundredths / 100;
export const toHundredths = (quantity: number) => Math.round(quantity * 100);
