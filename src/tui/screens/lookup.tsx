export interface LookupProps { readonly height: number }
// PLACEHOLDER
export function Lookup(_props: LookupProps) { return null; }
