/** The collections a CSV file can be imported into. */
export const IMPORTABLE_COLLECTIONS = ['contacts', 'companies', 'leads', 'deals'] as const;
export type ImportableCollection = (typeof IMPORTABLE_COLLECTIONS)[number];

/** How a cell becomes a value: each kind has one parser in parse-values.ts. */
export type ImportValueKind =
  'text' | 'email' | 'phone' | 'domain' | 'tags' | 'money' | 'currency' | 'date' | 'integer' | 'relation' | 'choice';

/** A column a file may fill: the record field, how its cells read, and the headers that name it. */
export interface ImportableField {
  /**
   * Record field, or a relation looked up by name, email or domain (`company`, `contact`, `owner`,
   * and for deals `pipeline`, `stage`), or a choice among fixed or configured values (`status`,
   * `lostReason`).
   */
  key: string;
  kind: ImportValueKind;
  /** Translation key of the field's label in the renderer's messages. */
  labelKey: string;
  required?: boolean;
  /**
   * Header names that mean this field: English, Spanish, and the headers of HubSpot, Pipedrive and
   * Salesforce sample exports, and our own export's (in both languages), so that an exported file
   * maps itself. Compared after headerKey(), so case, accents and punctuation differ freely. When
   * two columns name the field, the earlier alias wins (suggestMapping).
   */
  aliases: readonly string[];
}

const email = [
  'email',
  'e-mail',
  'email address',
  'correo',
  'correo electronico',
  'primary email',
  'email - work',
  'email - other',
];
const phone = ['phone', 'phone number', 'telefono', 'business phone', 'phone - work', 'work phone'];
const tags = [
  'tags',
  'tag',
  'etiquetas',
  'labels',
  'label',
  'person - labels',
  'deal - labels',
  'organization - labels',
];
/** The currency of the row's amounts, when the file gives it a column of its own (Pipedrive, Salesforce, our export). */
const currency = ['currency', 'moneda', 'divisa', 'deal - currency', 'amount currency', 'opportunity currency'];
const notes = ['notes', 'note', 'notas', 'description', 'descripcion'];
/**
 * A record's owner, found by email: our export's "Owner email" is preferred to its "Owner" (a name);
 * then the owner columns of HubSpot, Salesforce and Pipedrive exports.
 */
const owner = ['owner email', 'correo del responsable', 'owner', 'propietario', 'responsable'];
const companyName = [
  'company',
  'company name',
  'empresa',
  'nombre de la empresa',
  'compania',
  'organization',
  'organisation',
  'organization name',
  'account name',
  'account',
];
const website = [
  'website',
  'website url',
  'web',
  'sitio web',
  'pagina web',
  'url',
  'company domain name',
  'domain',
  'dominio',
];

export const IMPORTABLE_FIELDS: Readonly<Record<ImportableCollection, readonly ImportableField[]>> = {
  contacts: [
    { key: 'firstName', kind: 'text', labelKey: 'contacts.fields.firstName', aliases: ['first name', 'firstname', 'given name', 'nombre', 'nombre de pila', 'person - first name'] },
    { key: 'lastName', kind: 'text', labelKey: 'contacts.fields.lastName', aliases: ['last name', 'lastname', 'surname', 'family name', 'apellido', 'apellidos', 'person - last name'] },
    { key: 'email', kind: 'email', labelKey: 'contacts.fields.email', aliases: [...email, 'person - email', 'person - email - work', 'person - email - home', 'person - email - other'] },
    { key: 'phone', kind: 'phone', labelKey: 'contacts.fields.phone', aliases: [...phone, 'person - phone', 'person - phone - work', 'person - phone - home'] },
    { key: 'mobile', kind: 'phone', labelKey: 'contacts.fields.mobile', aliases: ['mobile', 'mobile phone', 'mobile phone number', 'cell', 'cell phone', 'movil', 'celular', 'telefono movil', 'person - phone - mobile'] },
    { key: 'title', kind: 'text', labelKey: 'contacts.fields.title', aliases: ['title', 'job title', 'position', 'cargo', 'puesto', 'person - job title'] },
    { key: 'company', kind: 'relation', labelKey: 'contacts.fields.company', aliases: [...companyName, 'person - organization', 'organization - name'] },
    { key: 'source', kind: 'text', labelKey: 'contacts.fields.source', aliases: ['source', 'lead source', 'original source', 'origen', 'fuente'] },
    { key: 'owner', kind: 'relation', labelKey: 'csv.fields.owner', aliases: [...owner, 'contact owner', 'person - owner'] },
    { key: 'tags', kind: 'tags', labelKey: 'common.tags', aliases: tags },
    { key: 'notes', kind: 'text', labelKey: 'common.notes', aliases: notes },
  ],
  companies: [
    { key: 'name', kind: 'text', labelKey: 'companies.fields.name', required: true, aliases: [...companyName, 'name', 'nombre'] },
    { key: 'domain', kind: 'domain', labelKey: 'companies.fields.domain', aliases: website },
    { key: 'industry', kind: 'text', labelKey: 'companies.fields.industry', aliases: ['industry', 'industria', 'sector'] },
    { key: 'phone', kind: 'phone', labelKey: 'companies.fields.phone', aliases: phone },
    { key: 'owner', kind: 'relation', labelKey: 'csv.fields.owner', aliases: [...owner, 'company owner', 'account owner', 'organization - owner'] },
    { key: 'tags', kind: 'tags', labelKey: 'common.tags', aliases: tags },
    { key: 'notes', kind: 'text', labelKey: 'common.notes', aliases: notes },
  ],
  leads: [
    { key: 'firstName', kind: 'text', labelKey: 'leads.fields.firstName', aliases: ['first name', 'firstname', 'given name', 'nombre'] },
    { key: 'lastName', kind: 'text', labelKey: 'leads.fields.lastName', aliases: ['last name', 'lastname', 'surname', 'apellido', 'apellidos'] },
    { key: 'email', kind: 'email', labelKey: 'leads.fields.email', aliases: email },
    { key: 'phone', kind: 'phone', labelKey: 'leads.fields.phone', aliases: phone },
    { key: 'companyName', kind: 'text', labelKey: 'leads.fields.companyName', aliases: companyName },
    { key: 'title', kind: 'text', labelKey: 'leads.fields.title', aliases: ['title', 'job title', 'cargo', 'puesto'] },
    { key: 'source', kind: 'text', labelKey: 'leads.fields.source', aliases: ['source', 'lead source', 'origen', 'fuente'] },
    { key: 'estimatedValue', kind: 'money', labelKey: 'leads.fields.estimatedValue', aliases: ['estimated value', 'value', 'valor estimado', 'valor', 'annual revenue'] },
    { key: 'currency', kind: 'currency', labelKey: 'csv.fields.currency', aliases: currency },
    { key: 'owner', kind: 'relation', labelKey: 'csv.fields.owner', aliases: [...owner, 'lead owner'] },
    { key: 'tags', kind: 'tags', labelKey: 'common.tags', aliases: tags },
    { key: 'notes', kind: 'text', labelKey: 'common.notes', aliases: notes },
  ],
  deals: [
    { key: 'title', kind: 'text', labelKey: 'deals.fields.title', required: true, aliases: ['title', 'deal name', 'deal title', 'opportunity name', 'name', 'nombre', 'titulo', 'nombre del negocio', 'oportunidad', 'deal - title'] },
    { key: 'value', kind: 'money', labelKey: 'deals.fields.value', aliases: ['value', 'amount', 'deal value', 'valor', 'importe', 'monto', 'deal - value'] },
    { key: 'currency', kind: 'currency', labelKey: 'csv.fields.currency', aliases: currency },
    { key: 'probability', kind: 'integer', labelKey: 'deals.fields.probability', aliases: ['probability', 'probability (%)', 'deal probability', 'probabilidad', 'probabilidad (%)', 'deal - probability'] },
    { key: 'expectedCloseDate', kind: 'date', labelKey: 'deals.fields.expectedCloseDate', aliases: ['expected close date', 'close date', 'closedate', 'fecha de cierre', 'fecha de cierre prevista', 'deal - expected close date'] },
    // A contact is found by email: our export's "Contact email" is preferred to its "Contact" (a name).
    { key: 'contact', kind: 'relation', labelKey: 'deals.fields.contact', aliases: ['contact email', 'correo del contacto', 'email', 'correo', 'person - email', 'person - email - work', 'contact', 'contacto'] },
    { key: 'company', kind: 'relation', labelKey: 'deals.fields.company', aliases: [...companyName, 'organization - name', 'deal - organization'] },
    { key: 'pipeline', kind: 'relation', labelKey: 'deals.fields.pipeline', aliases: ['pipeline', 'embudo', 'deal - pipeline'] },
    { key: 'stage', kind: 'relation', labelKey: 'deals.fields.stage', aliases: ['stage', 'deal stage', 'etapa', 'fase', 'deal - stage'] },
    { key: 'status', kind: 'choice', labelKey: 'deals.fields.status', aliases: ['status', 'deal status', 'estado', 'deal - status'] },
    { key: 'lostReason', kind: 'choice', labelKey: 'deals.fields.lostReason', aliases: ['lost reason', 'loss reason', 'motivo de perdida', 'razon de perdida', 'deal - lost reason'] },
    // An owner is found by email: our export's "Owner email" is preferred to its "Owner" (a name).
    { key: 'owner', kind: 'relation', labelKey: 'csv.fields.owner', aliases: [...owner, 'deal owner', 'opportunity owner', 'deal - owner'] },
    { key: 'tags', kind: 'tags', labelKey: 'common.tags', aliases: tags },
    { key: 'notes', kind: 'text', labelKey: 'common.notes', aliases: notes },
  ],
}; // prettier-ignore
