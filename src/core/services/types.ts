import type { FormDef } from '../forms/field.js';
import type { Text } from '../i18n/text.js';
import type { RefusalCode } from '../refusal-codes.js';

export const SERVICE_IDS = [
  'archive-certificate',
  'unemployed-certificate',
  'disabled-child-homeschool-support',
  'guardianship-minor-deposits-inheritance',
  'guardianship-minor-property-transactions',
  'guardianship-certificate',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/**
 * Where a request is taken in. `office`: the provider's own office (ЖАО / authorised body);
 * `centre`: a public service centre (ХҚКО/ЦОН); `mobile`: a mobile centre (S3 §1);
 * `bot`: self-service through the Telegram bot, standing in for the portal (ЭҮП) channel.
 */
export const CHANNELS = ['office', 'centre', 'mobile', 'bot'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface DeadlineRule {
  readonly unit: 'calendar' | 'working';
  readonly days: number;
  /** Where the rule comes from (seed clause) or why it was chosen (inferred). */
  readonly source: string;
}

export interface ExtensionGround {
  readonly code: string;
  readonly label: Text;
  /** Total term from submission once extended on this ground. */
  readonly extendedTo: { readonly unit: 'calendar' | 'working'; readonly days: number } | { readonly unit: 'months'; readonly months: number };
  /** Only offices whose configuration lists the ground may use it (e.g. Astana's "up to 6 months"). */
  readonly officeOptIn?: boolean;
  readonly source: string;
}

export interface RequiredDocument {
  readonly id: string;
  readonly title: Text;
  readonly required: boolean;
  /** Channels where the document is asked for; all channels when absent. */
  readonly channels?: readonly Channel[];
}

export type TemplateId =
  | 'archive-certificate'
  | 'archive-no-information'
  | 'unemployed-certificate'
  | 'disabled-child-notification'
  | 'guardianship-certificate'
  | 'guardianship-minor-certificate'
  | 'refusal-letter';

/**
 * One service = one definition. Front-ends render the form, the lifecycle reads the rules; adding
 * a service means adding one file under services/, and touches no front-end.
 */
export interface ServiceDef {
  readonly id: ServiceId;
  readonly title: Text;
  /** A few words, for lists and narrow screens. */
  readonly shortTitle: Text;
  /** Seed references, e.g. ["S0", "S2"]. */
  readonly seeds: readonly string[];
  readonly legalBasis: readonly Text[];
  /** Kind of organisation that provides it; offices in data/offices.json declare what they provide. */
  readonly providerKind: 'archive' | 'employment' | 'education';
  readonly channels: readonly Channel[];
  /** Legal entities may apply (archives: S2 def. 11). */
  readonly legalEntitiesMayApply: boolean;
  /** Base term, optionally different per channel (unemployed: 3 working days at a centre). */
  readonly deadline: DeadlineRule;
  readonly deadlineByChannel?: Partial<Record<Channel, DeadlineRule>>;
  readonly extensionGrounds: readonly ExtensionGround[];
  /** Provider may return faulty Centre documents within this many working days (S3 A1 T2 step 8). */
  readonly returnToCentre?: { readonly workingDays: number; readonly source: string };
  /** Channels on which the applicant is looked up in the person registry (ГБД ФЛ) before registration. */
  readonly personCheckChannels: readonly Channel[];
  /** How a representative proves authority: any authority document (S0) or a notarised PoA checked in ЕНИС (S3). */
  readonly representation: 'authority-document' | 'notarised-poa';
  readonly requiredDocuments: readonly RequiredDocument[];
  readonly form: FormDef;
  /** Codes from the refusal catalogue (refusals.ts) a clerk may give for this service after registration. */
  readonly refusalReasons: readonly RefusalCode[];
  readonly output: { readonly positive: TemplateId; readonly refusal: TemplateId };
  /**
   * What the clerk fills into the positive result document when issuing it (the certificate's
   * content, its basis, the office's own number). Everything else the document prints comes from
   * the questionnaire, the office configuration and the signer.
   */
  readonly resultForm: FormDef;
  /** Result fields a front-end pre-fills from the questionnaire: result field id → dotted path in the answers. */
  readonly resultPrefill?: Readonly<Record<string, string>>;
}
