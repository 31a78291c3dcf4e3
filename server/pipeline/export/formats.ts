// The export formats, apart from the exporters: the CLI lists them in its help without loading an XML writer.
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'tmx', 'xliff', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
