import type { Request } from '../../core/request.js';
export interface IssueFormProps { readonly request: Request; readonly title: string; readonly height: number; readonly onSubmit: (values: Record<string, unknown>) => void; readonly onCancel: () => void }
// PLACEHOLDER until the form editor lands.
export function IssueForm(_props: IssueFormProps) { return null; }
