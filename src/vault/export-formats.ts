/** The formats airlock writes: its own backup, and polkadot.js's single-account and batch files. */
export const EXPORT_FORMATS = ['airlock', 'polkadot-js', 'polkadot-js-batch'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
