import type { Messages } from '../en';

export const mergeEs: Messages['merge'] = {
  action: 'Fusionar con…',
  command: 'Fusionar el registro abierto con otro',
  title: 'Fusionar {{name}} con otro registro',
  pickContact: 'Contacto que se fusiona con este',
  pickCompany: 'Empresa que se fusiona con esta',
  pickHint: 'El registro elegido se elimina (y se puede restaurar); sus vínculos pasan a este.',
  nothingPicked: 'Elige un registro para fusionar.',
  sameRecord: 'Elige otro registro: un registro no se puede fusionar consigo mismo.',
  notAllowed:
    'No puedes fusionar estos registros: uno de ellos, o un registro vinculado al otro, no te corresponde modificarlo.',
  fieldsLegend: 'Qué valor conservar',
  field: 'Campo',
  keepThis: 'Conservar (este registro)',
  takeOther: 'De {{name}}',
  empty: '(vacío)',
  noDifferences: 'Los dos registros tienen los mismos valores: se conservan las etiquetas y las notas de ambos.',
  alwaysKept: 'Se conservan las etiquetas y las notas de ambos registros.',
  moves_one: '{{count}} registro vinculado pasa a este.',
  moves_other: '{{count}} registros vinculados pasan a este.',
  confirm: 'Fusionar',
  merging: 'Fusionando…',
  merged: '{{name}} se fusionó con {{survivor}}',
  undone: 'Fusión deshecha',
  failed: 'La fusión se detuvo: {{message}}',
};
