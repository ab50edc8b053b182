/** A count as the papers write it, with thousands separators: 22,827. */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');
