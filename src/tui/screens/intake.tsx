export interface IntakeProps { readonly height: number; readonly onDone: (text: string) => void; readonly onCancel: () => void }
// PLACEHOLDER until the form editor lands.
export function Intake(_props: IntakeProps) { return null; }
