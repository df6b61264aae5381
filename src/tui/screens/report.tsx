export interface ReportProps { readonly height: number; readonly onQueue: () => void }
// PLACEHOLDER
export function Report(_props: ReportProps) { return null; }
