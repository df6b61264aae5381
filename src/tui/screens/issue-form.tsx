import { prefilled } from '../../app/result-content.js';
import type { Request } from '../../core/request.js';
import { findService } from '../../core/services/catalogue.js';
import { FormEditor } from '../form/form-editor.js';
import { useSession } from '../session.js';

export interface IssueFormProps {
  readonly request: Request;
  readonly title: string;
  readonly height: number;
  readonly onSubmit: (values: Record<string, unknown>) => void;
  readonly onCancel: () => void;
}

/** The certificate's content (the service's result form), pre-filled from the questionnaire where it can be. */
export function IssueForm({ request, title, height, onSubmit, onCancel }: IssueFormProps) {
  const { services, lang, columns, plain } = useSession();
  const service = findService(request.service)!;
  return (
    <FormEditor
      form={service.resultForm}
      lang={lang}
      today={services.clerk.moment().today}
      initial={prefilled(request, {})}
      height={height}
      width={columns - 1}
      plain={plain}
      title={title}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}
